// The tour's route on a map: each day's stops numbered in order, joined from the start point
// and back, one colour per day. No tile server: the points and lines alone.
(() => {
  const element = document.getElementById("route-map");
  const days = JSON.parse(document.getElementById("route-days").textContent);
  if (!element || !days.length) return;
  const { escape } = window.guanmo;
  const colours = ["#1f6feb", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c"];
  const map = L.map(element, { attributionControl: false });
  const bounds = [];
  days.forEach((day, index) => {
    const colour = colours[index % colours.length];
    const line = [day.start, ...day.points.map((point) => point.at), day.start];
    L.polyline(line, { color: colour, weight: 3 }).addTo(map);
    day.points.forEach((point, number) => {
      L.circleMarker(point.at, { radius: 9, color: colour, fillOpacity: 0.9 })
        .bindTooltip(`第${day.day}天第${number + 1}站 ${escape(point.name)}（${escape(point.arrival)}到达）`)
        .addTo(map);
    });
    bounds.push(...line);
  });
  L.marker(days[0].start).bindTooltip("出发地点").addTo(map);
  map.fitBounds(bounds, { padding: [20, 20] });
})();
