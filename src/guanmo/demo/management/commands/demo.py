from django.core.management.base import BaseCommand
from django.urls import reverse

from guanmo.demo.assessment import CYCLE as ASSESSMENT_CYCLE
from guanmo.demo.assessment import NAME as ASSESSMENT_NAME
from guanmo.demo.assessment import demo_final_result
from guanmo.demo.build import OPEN_MONTH, build_demo
from guanmo.demo.city import DEFAULT_SEED, YEAR
from guanmo.progress.selectors import progress_report_for


class Command(BaseCommand):
    help = "建立演示城市（焦作市，约500个重点项目，2025年进度）和各角色演示账号（密码每次重新生成）"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子")

    def handle(self, *args, seed: int, **options):
        demo = build_demo(seed)
        report = progress_report_for(demo.summary.city, YEAR, OPEN_MONTH - 1)
        self.stdout.write(
            f"已建立演示城市{demo.summary.city.name}：{demo.summary.units}个县区、园区，"
            f"{demo.summary.projects}个重点项目；{YEAR}年1—{OPEN_MONTH - 1}月已审核关闭，"
            f"{OPEN_MONTH}月填报中。"
        )
        self.stdout.write(report.headline)
        latest = demo.documents.latest
        self.stdout.write(
            f"{demo.office.full_name}已印发1—{OPEN_MONTH - 1}月的"
            f"{demo.documents.bulletins}期月度通报，"
            f"最近一期{latest.number}（{latest.dated:%Y年%-m月%-d日}），"
            f"下载 {reverse('bulletin_file', args=[YEAR, OPEN_MONTH - 1, 'docx'])}；"
            f"已印发文件 {reverse('document_list')}"
        )
        self.stdout.write("登录地址：http://127.0.0.1:8000/  （管理后台 /admin/）")
        self.stdout.write(f"{'用户名':<8}{'密码':<16}{'角色':<8}范围")
        for login in [*demo.logins, *demo.supervision.logins]:
            self.stdout.write(
                f"{login.username:<10}{login.password:<18}{login.role:<8}{login.scope}"
            )

        self.stdout.write(
            f"督查督办：{demo.supervision.problems}个问题，其中{demo.supervision.escalated}个逾期未办结、"
            f"已升级督办；专题推进会「{demo.supervision.meeting.topic}」的议定事项已交办。"
            f"问题清单 {reverse('problem_list')}，统计 {reverse('problem_figures')}"
            f"?year={YEAR}&month={OPEN_MONTH}"
        )
        self.stdout.write(
            f"招商引资：{demo.attraction.leads}个招商项目，其中已签约{demo.attraction.signed}个、"
            f"已开工并转入重点项目台账{demo.attraction.started}个；用地地块{demo.attraction.parcels}宗。"
            f"漏斗 {reverse('attraction_funnel')}?year={YEAR}&month={OPEN_MONTH - 1}"
        )
        self.stdout.write(
            f"驻工地专员日志：{demo.visits.visits}次走访，{demo.visits.photos}张现场照片，"
            f"其中{demo.visits.flagged}张拍摄时间或位置待核实；专员填写月报{demo.notes.written}次，"
            f"其中逾期{demo.notes.late}次，另有{demo.notes.missing}个项目月份未填写。"
            f"专员月度 {reverse('commissioner_months')}?year={YEAR}&month={OPEN_MONTH - 1}"
        )

        indicators = demo.indicators
        self.stdout.write(
            f"指标调度：{indicators.indicators}项指标，{indicators.values}个地区月度数值"
            f"（{YEAR - 1}年全年、{YEAR}年1—{OPEN_MONTH - 1}月），{indicators.targets}个年度目标；"
            f"比较组含全省{indicators.province_cities}个省辖市，修武县{indicators.towns}个乡镇的"
            f"脱贫攻坚和农业任务。guanmo indicator-report --year {YEAR} --month {OPEN_MONTH - 1}"
        )

        firms = demo.firms.result
        final = demo_final_result(demo.summary.city)
        self.stdout.write(
            f"考核：「{ASSESSMENT_CYCLE}{ASSESSMENT_NAME}」两件异议已处理（采纳1件、不予采纳1件）"
            f"并已定稿印发，结果 {reverse('assessment_result', args=[final.pk])}；"
            f"「{firms.scheme}」（{demo.firms.firms}家企业）公示至"
            f"{firms.published_until.month}月{firms.published_until.day}日，"
            f"结果 {reverse('assessment_result', args=[firms.pk])}，"
            f"企业 {reverse('assessment_firms')}"
        )
        closed, scoring = demo.tours.closed, demo.tours.scoring
        self.stdout.write(
            f"观摩：「{closed.name}」已结束（{closed.sites.count()}个观摩点），"
            f"评分结果 {reverse('tour_results', args=[closed.pk])}"
        )
        self.stdout.write(f"「{scoring.name}」评分中，评委用手机打开本人链接即可评分：")
        self.stdout.write(f"{'评委':<8}{'单位':<14}链接")
        for judge in scoring.judges.all():
            link = reverse("judge_sign_in", args=[judge.token])
            self.stdout.write(f"{judge.name:<8}{judge.unit:<14}{link}")
