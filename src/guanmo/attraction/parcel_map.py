"""The map of parcels by state (issue 14, "Land and 亩均"): the parcels of the user's scope as
GeoJSON features for `static/guanmo/map.js` — its outline where it has one (a Polygon), else
its point — each with its state (attraction.land.parcel_state) and the legend's words, and
those without a place listed by name so that none is dropped silently. Every property is text
the page escapes."""

from collections import Counter

from django.db.models import Q
from django.http import Http404, HttpRequest, JsonResponse

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.attraction.land import PARCEL_STATES, parcel_state
from guanmo.attraction.models import Parcel
from guanmo.attraction.selectors import parcel_facts, parcels_with_leads
from guanmo.figures.formatting import mu_text


def parcels_in_scope(scope: Scope):
    """The parcels he may see: the city's for those who see its totals, those lying in his own
    county or park for a county office; 404 for anyone else (as the funnel page)."""
    units = scope.units()
    if not units:
        raise Http404("没有这个页面")
    parcels = Parcel.objects.filter(city=scope.city)
    if not scope.sees_city_totals:
        parcels = parcels.filter(Q(county__in=units) | Q(park__in=units))
    return parcels_with_leads(parcels)


NOT_DRAWN = "未填经度、纬度"


def parcel_points(request: HttpRequest) -> JsonResponse:
    """{"type": "FeatureCollection", "features": [outlines and points], "states": [{key,
    label, count}], "total", "unplaced": [{name, units, state_label, reason}]}: a feature's
    properties are name, holder, units, area ("12.5亩"), state and state_label. A state's
    count and the total are over every parcel, drawn or not, so the map's figures are the
    register's; `unplaced` names those not drawn and why."""
    scope: Scope = request.scope
    today = clock.today()
    features, unplaced = [], []
    counts: Counter[str] = Counter()
    for parcel in parcels_in_scope(scope):
        facts = parcel_facts(parcel)
        state = parcel_state(facts, today)
        counts[state] += 1
        properties = {
            "name": parcel.name,
            "holder": parcel.holder,
            "units": "·".join(facts.units),
            "area": mu_text(parcel.area),
            "state": state,
            "state_label": PARCEL_STATES[state],
        }
        geometry = _geometry(parcel)
        if geometry is None:
            unplaced.append({**properties, "reason": NOT_DRAWN})
            continue
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return JsonResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "states": [
                {"key": key, "label": label, "count": counts[key]}
                for key, label in PARCEL_STATES.items()
            ],
            "total": len(features) + len(unplaced),
            "unplaced": unplaced,
        }
    )


def _geometry(parcel: Parcel) -> dict | None:
    """The parcel's outline as kept (checked on the way in), else its point, else None."""
    if parcel.outline:
        return {"type": "Polygon", "coordinates": parcel.outline["coordinates"]}
    if parcel.latitude is None or parcel.longitude is None:
        return None
    return {"type": "Point", "coordinates": [float(parcel.longitude), float(parcel.latitude)]}
