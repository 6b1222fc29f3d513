// What the CSV mapping step of opening needs, in a chunk of its own loaded with the first CSV file:
// guessing a table's mapping from its headers and rows, and the mappings remembered per headers.
export { guessCsvMapping } from '../../core/formats/csvMapping';
export { recallMapping, rememberMapping } from './csvMappings';
