// Registers Cytoscape extensions exactly once (`use()` patches Cytoscape's prototypes globally).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export { cytoscape };
