"""QR codes for the judges' personal links, drawn as inline SVG (no image files to serve)."""

import segno


def qr_svg(url: str) -> str:
    """The link as an SVG QR code, error correction M, for printing on the judge's card."""
    return segno.make(url, error="m").svg_inline(scale=4, dark="#1f2933")
