// 指标调度 charts from the report the server computed (json_script "indicator-data", the same
// object as `guanmo indicator-report --format json`, each target marked `ceiling` by the page):
// growth in % (a ratio's change in 个百分点), completion rates in %; a ceiling (赴京访批次, kept
// under) is its share used (已用控制数) against the 控制数 line, never a completion to reach.
// Tooltips are built from escaped text.
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
      ceilings(targetChart, targets);
    }
  };
  // Targets to reach as 完成率 against 时间进度; ceilings as 已用控制数 against the 控制数
  // (100% of the year's ceiling): one bar per target, in the series of what it is.
  const ceilings = (element, targets) => {
    bars(element, targets.map((target) => `${target.region}·${target.indicator}`),
      targets.map((target) => (target.ceiling ? null : target.completion_rate)), "%",
      data.time_progress, "时间进度");
    if (!targets.some((target) => target.ceiling)) return;
    const chart = echarts.getInstanceByDom(element);
    chart.setOption({
      legend: { data: ["完成率", "已用控制数", "控制数"], top: 0 },
      // each row is a target (完成率) or a ceiling (已用控制数): its tooltip says only its own
      tooltip: axisTooltip("%", true),
      grid: { top: 40 },
      series: [
        { stack: "share" },
        {
          type: "bar", name: "已用控制数", stack: "share", itemStyle: { color: "#b26a00" },
          data: targets.map((target) => (target.ceiling ? target.completion_rate : null))
            .reverse(),
          label: { show: true, position: "right", formatter: (item) => shown(item.value, "") },
        },
        {
          type: "line", name: "控制数", data: [], itemStyle: { color: "#a61b1b" },
          markLine: {
            symbol: "none", data: [{ xAxis: 100, name: "控制数" }],
            label: { formatter: "控制数 {c}", position: "end" },
            lineStyle: { color: "#a61b1b", type: "solid", width: 2 },
          },
        },
      ],
    });
  };
  if (select) select.addEventListener("change", draw);
  draw();
  window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(
    (el) => echarts.getInstanceByDom(el) && echarts.getInstanceByDom(el).resize()));
})();
