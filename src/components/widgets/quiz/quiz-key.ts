/**
 * The quiz's localStorage key, alone in its module so the progress store (which clears it) does not pull the
 * quiz's storage code into pages without a quiz. Bump the version when the stored shape changes.
 */
export const STORAGE_KEY = 'mailwire.quiz.v1';
