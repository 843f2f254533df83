// The city's counties (GeoJSON shipped with the app, no tile server) with the user's projects
// as points coloured by warning; a point links to its project. Where the page asks for them
// (data-parcels), the parcels of land (their outlines, else points) as a second layer coloured
// by state, with a legend in Chinese and the parcels without a place listed beside the map.
// Every value is text: escaped into Leaflet's HTML, set as textContent elsewhere.
const PARCEL_COLOURS = {
  unsupplied: "#9aa5b1",
  supplied: "#2f6fb3",
  started: "#3ebd93",
  in_use: "#2f8132",
  idle_one_year: "#f0b429",
  idle_two_years: "#d64545",
};

async function parcelLayer(map, element, escape) {
  const parcels = await (await fetch(element.dataset.parcels)).json();
  const layer = L.geoJSON(parcels, {
    // An outline (Polygon) is drawn filled in its state's colour; a parcel without one is a point.
    style: (feature) => ({
      weight: 2, color: "#1f2933", fillOpacity: 0.5,
      fillColor: PARCEL_COLOURS[feature.properties.state] || "#9aa5b1",
    }),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
      radius: 7, weight: 2, color: "#1f2933", fillOpacity: 0.85,
      fillColor: PARCEL_COLOURS[feature.properties.state] || "#9aa5b1",
    }),
    onEachFeature: (feature, marker) => {
      const p = feature.properties;
      const holder = p.holder ? `（${escape(p.holder)}）` : "";
      marker.bindTooltip(
        `${escape(p.name)}${holder}<br>${escape(p.units)} · ${escape(p.area)} · ${escape(p.state_label)}`,
        { sticky: true, className: "parcel-tooltip" },
      );
    },
  }).addTo(map);
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const box = L.DomUtil.create("div", "map-legend");
    box.id = "parcel-legend";
    const title = document.createElement("strong");
    title.textContent = "地块状态";
    box.append(title);
    for (const state of parcels.states) {
      const row = document.createElement("div");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = PARCEL_COLOURS[state.key] || "#9aa5b1";
      // Counted over every parcel, drawn or not (the server's count), as the land register has it.
      row.append(swatch, `${state.label}（${state.count}）`);
      row.dataset.state = state.key;
      box.append(row);
    }
    const total = document.createElement("div");
    total.className = "legend-total";
    total.textContent = parcels.unplaced.length
      ? `共${parcels.total}个，图上${parcels.features.length}个；${parcels.unplaced.length}个未填经度、纬度，未在图上显示，见“未标注位置的地块”`
      : `共${parcels.total}个，均在图上`;
    box.append(total);
    return box;
  };
  legend.addTo(map);
  const list = document.querySelector("#unplaced-parcels ul");
  if (list) {
    for (const p of parcels.unplaced) {
      const item = document.createElement("li");
      item.textContent = `${p.name}${p.holder ? `（${p.holder}）` : ""} ${p.units} ${p.area} ${p.state_label}（${p.reason}）`;
      list.append(item);
    }
    if (!parcels.unplaced.length) {
      const item = document.createElement("li");
      item.textContent = "无";
      list.append(item);
    }
  }
  return layer;
}

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
  if (element.dataset.parcels) {
    const parcels = await parcelLayer(map, element, escape);
    L.control.layers(null, { 重点项目: markers, 用地地块: parcels }, { collapsed: false }).addTo(map);
    element.dataset.parcelsReady = String(parcels.getLayers().length);
  }
  if (!bounds && points.features.length) bounds = markers.getBounds();
  if (bounds) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([35.2, 113.2], 9);
  element.dataset.ready = String(points.features.length);
})();
