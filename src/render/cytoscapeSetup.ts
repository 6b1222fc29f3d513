// The one Cytoscape import of the page. fCoSE is not registered here: force-directed layouts run in
// the layout worker (src/render/layout/withFcose.ts registers it there and in Node), so the start-up
// bundle does not carry it.
import cytoscape from 'cytoscape';

export { cytoscape };
