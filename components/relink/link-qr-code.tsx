"use client";
import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** The link as a QR code (SVG, drawn in the browser), for handing over on a phone. */
export function LinkQrCode({ url, size = 176 }: { url: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg)
    return (
      <div className="animate-pulse rounded-md bg-muted" style={{ width: size, height: size }} aria-hidden="true" />
    );
  return (
    // A plain <img>: a data: URL, nothing for next/image to optimise.
    <img
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      width={size}
      height={size}
      alt="QR code of the relink link"
      className="rounded-md border bg-white p-1"
    />
  );
}
