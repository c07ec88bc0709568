// Small helpers for forms: a 422's message for one field, and a photo as base64.

/** The server's message for `path` ("location.building_id") in a 422 ApiError, or null. */
export function fieldError(error, path) {
  if (!error || error.status !== 422) return null;
  let node = error.fields;
  for (const part of path.split(".")) node = node?.[part];
  if (Array.isArray(node)) return node.join(" ");
  return typeof node === "string" ? node : null;
}

function messagesOf(node) {
  if (Array.isArray(node)) return node.map(String);
  if (node && typeof node === "object") return Object.values(node).flatMap(messagesOf);
  return node ? [String(node)] : [];
}

/** The form error when no field took it, with every reason the server gave (so none is lost). */
export function formError(error, paths) {
  if (!error) return null;
  if (paths.some((p) => fieldError(error, p))) return null;
  return [error.message, ...(error.status === 422 ? messagesOf(error.fields) : [])].join(" ");
}

/** Read a File as base64 without its data: prefix. */
export function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
