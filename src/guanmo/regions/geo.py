"""Map data in the shape `static/guanmo/map.js` draws: GeoJSON points of projects."""

from decimal import Decimal

from django.http import JsonResponse


def project_point(
    latitude: Decimal,
    longitude: Decimal,
    *,
    name: str,
    county: str,
    level: str,
    rate: str,
    url: str,
) -> dict:
    """One project as a GeoJSON point (GeoJSON orders longitude first)."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
        "properties": {"name": name, "county": county, "level": level, "rate": rate, "url": url},
    }


def feature_collection(features: list[dict]) -> JsonResponse:
    return JsonResponse({"type": "FeatureCollection", "features": features})
