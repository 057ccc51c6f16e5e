// Storage failures a reader must hear about. A full disk (the browser's quota) is reported as a
// StorageFullError; every other error propagates unchanged.

/** The browser refused to store more: the reader should free space (or export and delete). */
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";
  constructor(options?: { cause?: unknown }) {
    super("Browser storage is full: the annotation was not saved. Free some disk space or delete old pages, then try again.", options);
  }
}

const QUOTA_NAMES = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED", "NS_ERROR_FILE_NO_DEVICE_SPACE"]);
/** DOMException.QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * True for a quota error however it arrives: a DOMException from IndexedDB, Dexie's
 * QuotaExceededError, or one wrapped in Dexie's AbortError (inner), a BulkError or ModifyError
 * (failures), or an Error's cause.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === "string" && QUOTA_NAMES.has(e.name)) return true;
  if (e.code === QUOTA_CODE && typeof DOMException !== "undefined" && error instanceof DOMException) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = e.failures;
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  if (typeof failures === "object" && failures !== null) return Object.values(failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Runs a write; a quota failure becomes a StorageFullError, anything else is rethrown as is. */
export async function mapStorageErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StorageFullError) throw error;
    if (isQuotaError(error)) throw new StorageFullError({ cause: error });
    throw error;
  }
}
