// Counts are shown exactly, or visibly as lower bounds: never a capped number posing as exact.
const nf = new Intl.NumberFormat("en-US");

export function formatCount(n: number, exact: boolean): string {
  return exact ? nf.format(n) : `≥${nf.format(n)}`;
}

/** The total of matching rows: "2,000+" once it passes the cap. */
export function formatTotal(n: number, exact: boolean): string {
  return exact ? nf.format(n) : `${nf.format(n)}+`;
}
