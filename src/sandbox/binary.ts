// Real, tiny media files, so that clients which decode what they get (an image viewer, an
// audio element, `base64.b64decode` then PIL) work against the sandbox.
import { fromBase64, toBase64 } from '../request/index.ts';

/** An 8×8 RGB gradient PNG (166 bytes). */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbUlEQVR42hXOUREAUQhCUaMYhShEMcqNQhSi7Fs/OQzjzLCDBg83MGToMLPsosXLLSxZug/ECgmLE4iI6oFZI2NzBhNTPzj20OHjDo4cvQf/7Bt41Rf+F+h7YsIGBYfLHyc0D8oWFZfrX05p+QDeqGABtJu0bQAAAABJRU5ErkJggg==';

/** True for a base64 string holding a PNG, JPEG, GIF or WebP file (what image fields carry). */
export function isBase64Image(value: string): boolean {
  return /^(iVBORw0KGgo|\/9j\/|R0lGOD|UklGR)[A-Za-z0-9+/]+=*$/.test(value);
}

/** 0.1 s of 8 kHz 8-bit mono silence. */
function wavBytes(): Uint8Array<ArrayBuffer> {
  const samples = 800;
  const out = new Uint8Array(44 + samples).fill(128, 44);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  return out;
}

/** One silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz): enough for a decoder to accept. */
function mp3Bytes(): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return frame;
}

/** Bytes for a binary media type: an image, a sound, or undefined when we have no sample. */
export function sampleBytes(mediaType: string): Uint8Array<ArrayBuffer> | undefined {
  const type = mediaType.toLowerCase();
  if (type.startsWith('image/')) return fromBase64(PNG_BASE64);
  if (type === 'audio/wav' || type === 'audio/x-wav' || type === 'audio/wave') return wavBytes();
  if (type.startsWith('audio/')) return mp3Bytes();
  return undefined;
}

/** The sample for a `contentMediaType`, base64-encoded: PNG for images (and by default). */
export function sampleBase64(contentMediaType: string | undefined): string {
  const bytes = contentMediaType ? sampleBytes(contentMediaType) : undefined;
  return bytes === undefined ? PNG_BASE64 : toBase64(bytes);
}
