// A project's month by month investment (json_script "chart-data", amounts in 万元), with the
// unit on the axis and in the tooltip, whose text is escaped.
(() => {
  const { escape } = window.guanmo;
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  if (!data.months.length) return;
  echarts.init(document.getElementById("history-chart")).setOption({
    grid: { left: 10, right: 20, top: 30, bottom: 30, containLabel: true },
    tooltip: {
      trigger: "axis",
      formatter: (items) => [escape(items[0].axisValue), ...items.map(
        (item) => `${item.marker}${escape(item.seriesName)}：${escape(item.value ?? "—")}万元`,
      )].join("<br>"),
    },
    legend: { data: ["本月完成", "累计完成"], bottom: 0 },
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value", name: "万元" },
    series: [
      { type: "bar", name: "本月完成", data: data.this_month },
      { type: "line", name: "累计完成", data: data.cumulative },
    ],
  });
})();
