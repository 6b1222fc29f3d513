// computeLayout with fCoSE registered: for the layout worker and for Node (tests, tools). The page
// itself never imports this, so fCoSE and its layout bases stay out of the start-up bundle.
import fcose from 'cytoscape-fcose';
import { cytoscape } from '../cytoscapeSetup';

cytoscape.use(fcose);

export * from './computeLayout';
