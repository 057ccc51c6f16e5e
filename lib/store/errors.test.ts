import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { StorageFullError, isQuotaError, mapStorageErrors } from "./errors";

const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("isQuotaError", () => {
  it.each([
    ["a DOMException named QuotaExceededError", quota(), true],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError("full"), true],
    ["Dexie's AbortError with a quota error inside", new Dexie.AbortError("Transaction aborted", quota()), true],
    ["a BulkError with a quota failure", new Dexie.BulkError("bulkAdd failed", { 3: quota() } as never), true],
    ["an Error caused by a quota error", new Error("wrapped", { cause: quota() }), true],
    ["Firefox's old name", Object.assign(new Error("x"), { name: "NS_ERROR_DOM_QUOTA_REACHED" }), true],
    ["a ConstraintError", new DOMException("dup", "ConstraintError"), false],
    ["Dexie's AbortError without a quota error", new Dexie.AbortError("aborted"), false],
    ["a plain Error", new Error("boom"), false],
    ["a string", "QuotaExceededError", false],
    ["null", null, false],
  ])("%s → %s", (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe("mapStorageErrors", () => {
  it("turns a quota error into StorageFullError with the cause", async () => {
    const cause = new Dexie.AbortError("aborted", quota());
    const error = await mapStorageErrors(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).name).toBe("StorageFullError");
    expect((error as StorageFullError).cause).toBe(cause);
  });
  it("lets every other error through unchanged, and results too", async () => {
    const other = new DOMException("dup", "ConstraintError");
    await expect(mapStorageErrors(() => Promise.reject(other))).rejects.toBe(other);
    await expect(mapStorageErrors(async () => 42)).resolves.toBe(42);
  });
});
