// 指标调度 charts from the report the server computed (json_script "indicator-data", the same
// object as `guanmo indicator-report --format json`): growth in % (a ratio's change in
// 个百分点), completion rates in %. Tooltips are built from escaped text.
(() => {
  const { axisTooltip, shown } = window.guanmo;
  const data = JSON.parse(document.getElementById("indicator-data").textContent);
  const select = document.getElementById("chart-indicator");
  const growthChart = document.getElementById("growth-chart");
  const targetChart = document.getElementById("target-chart");
  const bars = (element, names, values, unit, line, lineName) => {
    const chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption({
      grid: { left: 10, right: 60, top: 30, bottom: 10, containLabel: true },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: names.slice().reverse() },
      tooltip: axisTooltip(unit),
      series: [{
        type: "bar", name: lineName === "时间进度" ? "完成率" : "增速", data: values.slice().reverse(),
        label: { show: true, position: "right", formatter: (item) => shown(item.value, "") },
        markLine: line === null ? { data: [] } : {
          symbol: "none", data: [{ xAxis: line, name: lineName }],
          label: { formatter: `${lineName} {c}`, position: "end" },
          lineStyle: { color: "#d64545", type: "dashed" },
        },
      }],
    }, true);
  };
  const draw = () => {
    const indicator = data.indicators[Number(select ? select.value : 0)];
    if (!indicator) return;
    const unit = indicator.kind === "ratio" ? "个百分点" : "%";
    if (growthChart) {
      bars(growthChart, indicator.regions.map((line) => line.region),
        indicator.regions.map((line) => line.growth), unit,
        indicator.total.growth, data.group.short_name);
    }
    if (targetChart) {
      // Every amount target with its completion, whichever indicator the first chart shows.
      const targets = data.targets.filter((target) => target.completion_rate !== null);
      bars(targetChart, targets.map((target) => `${target.region}·${target.indicator}`),
        targets.map((target) => target.completion_rate), "%", data.time_progress, "时间进度");
    }
  };
  if (select) select.addEventListener("change", draw);
  draw();
  window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(
    (el) => echarts.getInstanceByDom(el) && echarts.getInstanceByDom(el).resize()));
})();
