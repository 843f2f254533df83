// The funnel page's Sankey chart (json_script "funnel-data": nodes with their counts, links
// from each stage to the next and to those that stopped), beside the table of the same
// counts; labels and tooltips are escaped text.
(() => {
  const { escape } = window.guanmo;
  const element = document.getElementById("funnel-sankey");
  const data = JSON.parse(document.getElementById("funnel-data").textContent);
  const chart = echarts.init(element);
  chart.on("finished", () => { element.dataset.ready = "1"; });
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (item) => item.dataType === "edge"
        ? `${escape(item.data.source)} → ${escape(item.data.target)}：${escape(item.data.value)}个`
        : `${escape(item.name)}：${escape(item.value)}个`,
    },
    series: [{
      type: "sankey",
      left: 10, right: 90, top: 10, bottom: 10,
      nodeAlign: "left",
      emphasis: { focus: "adjacency" },
      label: { formatter: (item) => `${item.name} ${item.value}个` },
      lineStyle: { color: "source", opacity: 0.35 },
      data: data.nodes,
      links: data.links,
    }],
  });
  window.addEventListener("resize", () => chart.resize());
})();
