// Just enough PNG decoding to compare two screenshots: 8-bit RGB/RGBA (and grey), not interlaced,
// which is what Chromium and Firefox write.
import zlib from "node:zlib";

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
}

export function decodePng(png: Uint8Array): Image {
  const buf = Buffer.from(png);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colorType = body[9]!;
      if (depth !== 8 || body[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, interlace ${body[12]})`);
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = out - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[prev + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[prev + x - channels]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[out + x] = v & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const grey = channels <= 2;
    data[i * 4] = pixels[s]!;
    data[i * 4 + 1] = grey ? pixels[s]! : pixels[s + 1]!;
    data[i * 4 + 2] = grey ? pixels[s]! : pixels[s + 2]!;
    data[i * 4 + 3] = channels === 4 ? pixels[s + 3]! : channels === 2 ? pixels[s + 1]! : 255;
  }
  return { width, height, data };
}

/** Share of pixels that differ (by more than `tolerance` in any channel) between two images. */
export function differingShare(a: Image, b: Image, tolerance = 8): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let differing = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.data[i * 4 + c]! - b.data[i * 4 + c]!) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return n === 0 ? 0 : differing / n;
}

/** The mean colour of the pixels of `a` that differ from `b` (what the highlight added), or null. */
export function meanOfDifference(a: Image, b: Image, tolerance = 8): [number, number, number] | null {
  let r = 0;
  let g = 0;
  let bl = 0;
  let count = 0;
  for (let i = 0; i < a.width * a.height; i++) {
    let differs = false;
    for (let c = 0; c < 3; c++) if (Math.abs(a.data[i * 4 + c]! - b.data[i * 4 + c]!) > tolerance) differs = true;
    if (!differs) continue;
    r += a.data[i * 4]!;
    g += a.data[i * 4 + 1]!;
    bl += a.data[i * 4 + 2]!;
    count++;
  }
  return count ? [Math.round(r / count), Math.round(g / count), Math.round(bl / count)] : null;
}

/** The part of `img` inside the rectangle (device pixels; clamped to the image). */
export function crop(img: Image, x: number, y: number, width: number, height: number): Image {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(img.width, Math.ceil(x + width));
  const y1 = Math.min(img.height, Math.ceil(y + height));
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const data = new Uint8Array(w * h * 4);
  for (let row = 0; row < h; row++) {
    data.set(img.data.subarray(((y0 + row) * img.width + x0) * 4, ((y0 + row) * img.width + x1) * 4), row * w * 4);
  }
  return { width: w, height: h, data };
}
