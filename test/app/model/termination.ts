/**
 * The line the model writes to stderr when it ends the process as the OS does (session-end.ts),
 * followed by the end-of-test report as JSON; app-process.ts reads it back. Its own file so the
 * harness can import it without loading the model.
 */
export const TERMINATION_MARK = 'electron model: terminated by the OS: ';
