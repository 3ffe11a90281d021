// A group's new errors per day as a tiny bar strip; the numbers are in its accessible label.
export function TrendSparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const w = 4;
  const gap = 1;
  const h = 20;
  return (
    <svg
      role="img"
      aria-label={`${label}: ${values.join(", ")} new per day, oldest first`}
      width={values.length * (w + gap)}
      height={h}
      className="text-destructive"
    >
      {values.map((v, i) => {
        const bh = v === 0 ? 1 : Math.max(2, Math.round((v / max) * h));
        return (
          <rect
            key={i}
            x={i * (w + gap)}
            y={h - bh}
            width={w}
            height={bh}
            rx={1}
            className={v === 0 ? "fill-border" : "fill-current"}
          />
        );
      })}
    </svg>
  );
}
