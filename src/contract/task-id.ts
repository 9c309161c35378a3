// What a task ID may be, agreed by the page's Task ID field and the server's task route.

/** foxapi's IDs are ~32 characters; anything past this is a paste gone wrong, not an ID. */
export const MAX_TASK_ID = 512
