"""A parcel's outline (地块范围, issue 14 "Land and 亩均"): a GeoJSON Polygon in WGS-84 degrees
([longitude, latitude] pairs, RFC 7946), as a land sheet's cell or the admin's entry gives it,
checked and measured in 亩 against the area the sheet states.

Checks: a Polygon, its rings closed (the last vertex repeats the first), each ring of 4 to
MAX_VERTICES vertices (MAX_VERTICES in all), every vertex within China's range of degrees.
Area: on the sphere of the WGS-84 semi-major axis by the formula of Chamberlain and Duquette
("Some algorithms for polygons on a sphere", JPL 2007, the one Turf and OpenLayers use), holes
taken out; the ellipsoid differs by well under the tolerance. The outline's area and the stated
area differing by more than AREA_TOLERANCE (of the stated) is noted, not refused: the stated 亩
is the contract's, the outline a drawing.
"""

import json
import math
from decimal import Decimal
from typing import Any

from guanmo.attraction.land import LATITUDES, LONGITUDES, SQUARE_METRES_TO_MU
from guanmo.figures.arithmetic import percent
from guanmo.figures.formatting import half_up

MAX_VERTICES = 500
AREA_TOLERANCE = Decimal(5)  # %
EARTH_RADIUS = 6378137.0  # metres: the WGS-84 semi-major axis

Polygon = dict[str, Any]  # {"type": "Polygon", "coordinates": [[[lon, lat], …], …]}


class OutlineError(ValueError):
    """An outline that cannot be kept; the message says why, in Chinese."""


def read_outline(given: str | dict) -> Polygon:
    """The polygon `given` (GeoJSON text or its object; a Feature's geometry is taken), its
    vertices as numbers. Raises OutlineError."""
    shape = given
    if isinstance(given, str):
        try:
            shape = json.loads(given)
        except json.JSONDecodeError:
            raise OutlineError(
                '不是GeoJSON文本；应写成{"type": "Polygon", "coordinates": [[[经度, 纬度], …]]}'
            ) from None
    if isinstance(shape, dict) and shape.get("type") == "Feature":
        shape = shape.get("geometry")
    if not isinstance(shape, dict) or shape.get("type") != "Polygon":
        kind = shape.get("type") if isinstance(shape, dict) else type(shape).__name__
        raise OutlineError(f"应为GeoJSON多边形（Polygon），而不是{kind}")
    rings = shape.get("coordinates")
    if not isinstance(rings, list) or not rings:
        raise OutlineError("多边形没有坐标")
    kept = [_ring(ring, number) for number, ring in enumerate(rings, start=1)]
    total = sum(len(ring) for ring in kept)
    if total > MAX_VERTICES:
        raise OutlineError(f"共{total}个顶点，超过{MAX_VERTICES}个；请简化地块范围")
    return {"type": "Polygon", "coordinates": kept}


def _ring(ring: object, number: int) -> list[list[float]]:
    which = "外边界" if number == 1 else f"第{number - 1}个内边界（洞）"
    if not isinstance(ring, list) or len(ring) < 4:
        raise OutlineError(f"{which}至少要有4个顶点（首尾相同的三角形）")
    if len(ring) > MAX_VERTICES:
        raise OutlineError(f"{which}有{len(ring)}个顶点，超过{MAX_VERTICES}个；请简化地块范围")
    vertices = []
    for place, vertex in enumerate(ring, start=1):
        if (
            not isinstance(vertex, list)
            or len(vertex) not in (2, 3)
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in vertex)
        ):
            raise OutlineError(f"{which}第{place}个顶点应为[经度, 纬度]两个数")
        longitude, latitude = vertex[0], vertex[1]
        if not (LONGITUDES[0] <= longitude <= LONGITUDES[1]) or not (
            LATITUDES[0] <= latitude <= LATITUDES[1]
        ):
            raise OutlineError(
                f"{which}第{place}个顶点[{longitude}, {latitude}]不在中国范围内；"
                "应为[经度, 纬度]（WGS-84度数，经度在前），请检查是否填反"
            )
        vertices.append([longitude, latitude])
    if vertices[0] != vertices[-1]:
        raise OutlineError(f"{which}未闭合：最后一个顶点应与第一个相同")
    return vertices


def _ring_area(ring: list[list[float]]) -> float:
    """A ring's area in m² on the sphere (Chamberlain and Duquette), unsigned."""
    points = ring[:-1]  # the closing vertex repeats the first
    total = 0.0
    for index, (_, latitude) in enumerate(points):
        west, east = points[index - 1][0], points[(index + 1) % len(points)][0]
        total += math.radians(east - west) * math.sin(math.radians(latitude))
    return abs(total) * EARTH_RADIUS**2 / 2


def outline_area(polygon: Polygon) -> Decimal:
    """The polygon's area in 亩 (its outer ring less its holes), to one decimal, half-up."""
    outer, *holes = polygon["coordinates"]
    square_metres = _ring_area(outer) - sum(_ring_area(hole) for hole in holes)
    return half_up(Decimal(repr(square_metres)) * SQUARE_METRES_TO_MU, 1)


def area_gap(outlined: Decimal, stated: Decimal) -> Decimal | None:
    """How far the outline's area is from the stated area, in % of the stated (one decimal,
    half-up), when it is more than AREA_TOLERANCE; None within it."""
    gap = percent(abs(outlined - stated), stated)
    return gap if gap is not None and gap > AREA_TOLERANCE else None
