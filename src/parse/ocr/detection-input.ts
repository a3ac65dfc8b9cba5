import { type RgbaImage, sample } from './raster.js';

/** PP-OCR's detection normalisation (ImageNet statistics), in the BGR channel order the models were trained on. */
const MEAN_BGR = [0.406, 0.456, 0.485] as const;
const STD_BGR = [0.225, 0.224, 0.229] as const;
/** RGBA channel read for each BGR plane. */
const RGBA_CHANNEL = [2, 1, 0] as const;
/** The detector downsamples by 32; its input sides must be multiples of it. */
const STRIDE = 32;

export interface DetectionInput {
  /** NCHW float32, N = 1. */
  data: Float32Array;
  dims: [1, 3, number, number];
  /** Multiply a map coordinate by these and add the offsets to get an image coordinate. */
  scaleX: number;
  scaleY: number;
  offsetX: number;
  offsetY: number;
}

/** A part of the image in whole pixels, right and bottom exclusive. */
export interface PixelRegion {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Input sides: the image scaled so that its longer side is at most `maxSide`, each side rounded to the stride. */
export function detectionSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const ratio = Math.min(1, maxSide / Math.max(width, height));
  const round = (n: number) => Math.max(STRIDE, Math.round((n * ratio) / STRIDE) * STRIDE);
  return { width: round(width), height: round(height) };
}

/**
 * Resizes (bilinear) and normalises a page image for the text detector. With `region`, only that part is
 * read (grown to whole strides of the map), at exactly the scale of the whole image: text in it is found as
 * on the whole page.
 */
export function detectionInput(image: RgbaImage, maxSide: number, region?: PixelRegion): DetectionInput {
  const size = detectionSize(image.width, image.height, maxSide);
  const scaleX = image.width / size.width;
  const scaleY = image.height / size.height;
  let left = 0;
  let top = 0;
  if (region) {
    // Whole strides of the map at the page's scale, the region grown to fill them (within the page).
    size.width = Math.min(size.width, Math.ceil((region.right - region.left) / scaleX / STRIDE) * STRIDE);
    size.height = Math.min(size.height, Math.ceil((region.bottom - region.top) / scaleY / STRIDE) * STRIDE);
    left = Math.max(0, Math.min(region.left, image.width - size.width * scaleX));
    top = Math.max(0, Math.min(region.top, image.height - size.height * scaleY));
  }
  const plane = size.width * size.height;
  const data = new Float32Array(3 * plane);
  for (let y = 0; y < size.height; y++) {
    const sy = top + (y + 0.5) * scaleY - 0.5;
    for (let x = 0; x < size.width; x++) {
      const sx = left + (x + 0.5) * scaleX - 0.5;
      for (let c = 0; c < 3; c++) {
        const value = sample(image, sx, sy, RGBA_CHANNEL[c] ?? 0) / 255;
        data[c * plane + y * size.width + x] = (value - (MEAN_BGR[c] ?? 0)) / (STD_BGR[c] ?? 1);
      }
    }
  }
  return {
    data,
    dims: [1, 3, size.height, size.width],
    scaleX,
    scaleY,
    offsetX: left,
    offsetY: top,
  };
}
