// Kept apart from writer.ts so that the supervising process can report a bad output folder
// without loading the writer (and the record schema with it).

/** The output folder cannot be used (e.g. run files without a manifest). */
export class OutputFolderError extends Error {}
