// The city's counties (GeoJSON shipped with the app, no tile server) with the user's projects
// as points coloured by warning; a point links to its project.
(async () => {
  const element = document.getElementById("map");
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
  const colours = { red: "#d64545", yellow: "#f0b429", "": "#2f8132" };
  const { escape } = window.guanmo;
  let bounds = null;
  const counties = await fetch(element.dataset.counties);
  if (counties.ok) {
    const layer = L.geoJSON(await counties.json(), {
      style: { color: "#52606d", weight: 1.5, fillColor: "#e4ecf5", fillOpacity: 0.6 },
      onEachFeature: (feature, shape) => shape.bindTooltip(escape(feature.properties.name), { sticky: true }),
    }).addTo(map);
    if (layer.getLayers().length) bounds = layer.getBounds();
  }
  const points = await (await fetch(element.dataset.points)).json();
  const markers = L.geoJSON(points, {
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
      radius: 6, weight: 1, color: "#fff", fillOpacity: 0.9,
      fillColor: colours[feature.properties.level] || colours[""],
    }),
    onEachFeature: (feature, marker) => {
      const p = feature.properties;
      marker.bindPopup(`<a href="${escape(p.url)}">${escape(p.name)}</a><br>${escape(p.county)} · 完成率${escape(p.rate)}`);
    },
  }).addTo(map);
  if (!bounds && points.features.length) bounds = markers.getBounds();
  if (bounds) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([35.2, 113.2], 9);
  element.dataset.ready = String(points.features.length);
})();
