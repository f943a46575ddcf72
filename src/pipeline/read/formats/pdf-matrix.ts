/** PDF transformation matrices [a b c d e f], shared by the PDFium and pdf.js readers. */
export type Matrix = [number, number, number, number, number, number];
export type Point = [number, number];

/** m × n: n applied first, then m (as a PDF's `cm` operator concatenates). */
export function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The point (x, y) transformed by m. */
export const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
