/**
 * A minimal PNG reader for screenshots (8-bit RGB/RGBA, not interlaced: what
 * Chromium produces), so tests can look at pixels without another dependency.
 */
import zlib from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

export function decodePng(buffer: Buffer): Image {
  let offset = 8; // signature
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      colorType = body[9]!;
      if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || body[12] !== 0) {
        throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colorType})`);
      }
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let value: number;
      switch (filter) {
        case 0: value = cur; break;
        case 1: value = cur + left; break;
        case 2: value = cur + up; break;
        case 3: value = cur + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          value = cur + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    data[i * 4] = pixels[j]!;
    data[i * 4 + 1] = pixels[j + 1]!;
    data[i * 4 + 2] = pixels[j + 2]!;
    data[i * 4 + 3] = channels === 4 ? pixels[j + 3]! : 255;
  }
  return { width, height, data };
}

/** How many pixels are within `tolerance` (per channel) of `rgb`. */
export function countColor(image: Image, rgb: readonly [number, number, number], tolerance = 24): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs(image.data[i]! - rgb[0]) <= tolerance &&
      Math.abs(image.data[i + 1]! - rgb[1]) <= tolerance &&
      Math.abs(image.data[i + 2]! - rgb[2]) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}
