// A link for a mentor: the answers travel in the URL's fragment (#share=v1.<data>), which browsers
// never send to any server; compressed (deflate-raw) and base64url-encoded, with a version so a
// future guide can still read old links and an old guide refuses new ones. Decoding is strict: a
// damaged, foreign, oversized or newer link is refused with a reason, and nothing is touched.

import { AnswersError, MAX_BYTES, checkDocument, wrap } from "./answers.mjs";

export const PREFIX = "#share=";
export const SHARE_VERSION = 1;
/** Longer than any real set of answers gets (4 offers, 6 own criteria: about 2,000 characters). */
export const MAX_LINK_CHARS = 16_000;

export class ShareError extends Error {}

const KEPT = "Your own answers are unchanged.";
const DAMAGED = `This shared link is damaged (perhaps cut short when it was copied), so it cannot be read. Ask for the link again. ${KEPT}`;

/** The fragment holding `answers`: "#share=v1.<base64url of deflate-raw of the saved-answers JSON>". */
export async function shareFragment(answers) {
  const json = new TextEncoder().encode(JSON.stringify(wrap(answers)));
  const packed = await readAll(new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw")), Infinity);
  return `${PREFIX}v${SHARE_VERSION}.${toBase64Url(packed)}`;
}

/** Whether a location hash is meant as a shared link at all (other fragments are page anchors). */
export const isShareFragment = (hash) => typeof hash === "string" && hash.startsWith(PREFIX);

/**
 * The checked answers in a shared link's fragment; throws ShareError with a reader-facing reason.
 * `criterionIds` and `costIds` are the form's, as for an imported file.
 */
export async function readShareFragment(hash, criterionIds, costIds) {
  if (!isShareFragment(hash)) throw new ShareError(`This is not a link to shared answers. ${KEPT}`);
  if (hash.length > MAX_LINK_CHARS) {
    throw new ShareError(`This link is far longer than any set of answers from this guide, so it was not opened. ${KEPT}`);
  }
  const match = /^v(\d{1,6})\.([A-Za-z0-9_-]+)$/.exec(hash.slice(PREFIX.length));
  if (!match) throw new ShareError(DAMAGED);
  const version = Number(match[1]);
  if (version > SHARE_VERSION) {
    throw new ShareError(`This link was made by a newer version of this guide. Reload the page, then open the link again. ${KEPT}`);
  }
  if (version < 1) throw new ShareError(DAMAGED);
  let text;
  try {
    const bytes = fromBase64Url(match[2]);
    const plain = await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")), MAX_BYTES);
    text = new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new ShareError(DAMAGED);
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShareError(DAMAGED);
  }
  try {
    return checkDocument(data, criterionIds, costIds);
  } catch (error) {
    if (!(error instanceof AnswersError)) throw error;
    throw new ShareError(`This link does not hold answers this guide can use. ${error.message.replace(/\bfile\b/g, "link")} ${KEPT}`);
  }
}

/** All of a stream's bytes, refusing (ShareError) once there are more than `limit`: no zip bombs. */
async function readAll(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareError(`This link holds more than any set of answers from this guide (over ${MAX_BYTES / 1000} KB), so it was not opened. ${KEPT}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes) {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
