// Decodes public/data/digits-8x8.bin (1,797 8×8 handwritten digits, pixels 0…16) into a Dataset with pixels
// scaled to [0, 1] and one-hot targets. Pure: it takes bytes, so Node, the browser and a worker can all decode it.
// For the reproductions of issue #11 (networks trained on real 8×8 digits); nothing calls it yet.
//
// File layout (written by scripts/make-digits.py; all integers little-endian):
//   offset  size   field
//   0       4      magic, ASCII "DIG8"
//   4       1      format version, 1
//   5       1      image rows, 8
//   6       1      image columns, 8
//   7       1      largest pixel value, 16
//   8       4      N, number of images (uint32)
//   12      1      number of classes, 10
//   13      3      zero
//   16      N×64   pixels, uint8, image by image, each row-major (row 0 is the top of the digit)
//   16+64N  N      labels, uint8, 0…9
// The data are the test part of the UCI "Optical Recognition of Handwritten Digits" set (Alpaydin & Kaynak
// 1998) as shipped by scikit-learn; see public/data/digits-8x8.LICENSE.txt.
import { oneHot, validateDataset, type Dataset } from './dataset.ts';

export const DIGITS_FILE_NAME = 'digits-8x8.bin';
export const DIGITS_MAGIC = 'DIG8';
export const DIGITS_HEADER_BYTES = 16;

export const DIGITS_SOURCE =
  'UCI Machine Learning Repository, "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998), ' +
  'test part (1,797 images, 8×8 counts 0…16), as shipped by scikit-learn (sklearn/datasets/data/digits.csv.gz); CC BY 4.0.';

/**
 * @param bytes the whole digits-8x8.bin file
 * @returns n = N (1,797), inputDim = 64 (pixel/16, row-major 8×8), outputDim = 10 (one-hot), labels 0…9
 */
export function decodeDigits(bytes: Uint8Array): Dataset {
  const fail = (msg: string): never => {
    throw new Error(`decodeDigits: ${msg}`);
  };
  if (bytes.length < DIGITS_HEADER_BYTES) fail(`${bytes.length} bytes is shorter than the ${DIGITS_HEADER_BYTES}-byte header`);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== DIGITS_MAGIC) fail(`not a digits file (magic "${magic}", expected "${DIGITS_MAGIC}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[4]!,
    rows = bytes[5]!,
    cols = bytes[6]!,
    maxValue = bytes[7]!;
  const n = view.getUint32(8, true);
  const classes = bytes[12]!;
  if (version !== 1) fail(`unsupported format version ${version}`);
  if (maxValue < 1) fail('largest pixel value must be ≥ 1');
  if (classes < 2) fail(`need at least 2 classes, header says ${classes}`);
  const d = rows * cols;
  const expected = DIGITS_HEADER_BYTES + n * d + n;
  if (bytes.length !== expected) fail(`file has ${bytes.length} bytes, header (N = ${n}, ${rows}×${cols}) implies ${expected}`);

  const pixels = bytes.subarray(DIGITS_HEADER_BYTES, DIGITS_HEADER_BYTES + n * d);
  const inputs = new Float32Array(n * d);
  for (let i = 0; i < inputs.length; i++) {
    const p = pixels[i]!;
    if (p > maxValue) fail(`pixel ${i} is ${p}, above the declared maximum ${maxValue}`);
    inputs[i] = p / maxValue;
  }
  const labels = Int32Array.from(bytes.subarray(DIGITS_HEADER_BYTES + n * d));
  const badLabel = labels.findIndex((c) => c >= classes);
  if (badLabel >= 0) fail(`label ${badLabel} is ${labels[badLabel]}, outside 0…${classes - 1}`);

  return validateDataset({
    id: 'digits-8x8',
    inputs,
    targets: oneHot(labels, classes),
    n,
    inputDim: d,
    outputDim: classes,
    task: 'classification',
    labels,
    source: DIGITS_SOURCE,
  });
}
