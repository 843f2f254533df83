from django.core.management.base import BaseCommand
from django.urls import reverse

from guanmo.demo.attraction import create_demo_attraction
from guanmo.demo.city import DEFAULT_SEED, YEAR, build_demo_city
from guanmo.demo.documents import create_demo_office, issue_demo_documents
from guanmo.demo.indicators import create_demo_indicators
from guanmo.demo.moments import date_recorded_moments
from guanmo.demo.notes import create_demo_notes
from guanmo.demo.people import create_demo_people, create_demo_periods
from guanmo.demo.supervision import create_demo_supervision
from guanmo.demo.tour import create_demo_tours
from guanmo.demo.visits import create_demo_visits
from guanmo.progress.selectors import progress_report_for

OPEN_MONTH = 12


class Command(BaseCommand):
    help = "建立演示城市（焦作市，约500个重点项目，2025年进度）和各角色演示账号（密码每次重新生成）"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子")

    def handle(self, *args, seed: int, **options):
        summary = build_demo_city(seed)
        office = create_demo_office(summary.city)
        logins = create_demo_people(summary.city)
        create_demo_periods(summary.city, YEAR, OPEN_MONTH)
        notes = create_demo_notes(summary.city, seed)
        tours = create_demo_tours(summary.city, seed)
        supervision = create_demo_supervision(summary.city, seed)
        visits = create_demo_visits(summary.city, seed)
        indicators = create_demo_indicators(summary.city, seed)
        attraction = create_demo_attraction(summary.city, seed)
        documents = issue_demo_documents(summary.city, seed)
        date_recorded_moments(summary.city)

        report = progress_report_for(summary.city, YEAR, OPEN_MONTH - 1)
        self.stdout.write(
            f"已建立演示城市{summary.city.name}：{summary.units}个县区、园区，"
            f"{summary.projects}个重点项目；{YEAR}年1—{OPEN_MONTH - 1}月已审核关闭，"
            f"{OPEN_MONTH}月填报中。"
        )
        self.stdout.write(report.headline)
        latest = documents.latest
        self.stdout.write(
            f"{office.full_name}已印发1—{OPEN_MONTH - 1}月的{documents.bulletins}期月度通报，"
            f"最近一期{latest.number}（{latest.dated:%Y年%-m月%-d日}），"
            f"下载 {reverse('bulletin_file', args=[YEAR, OPEN_MONTH - 1, 'docx'])}；"
            f"已印发文件 {reverse('document_list')}"
        )
        self.stdout.write("登录地址：http://127.0.0.1:8000/  （管理后台 /admin/）")
        self.stdout.write(f"{'用户名':<8}{'密码':<16}{'角色':<8}范围")
        for login in [*logins, *supervision.logins]:
            self.stdout.write(
                f"{login.username:<10}{login.password:<18}{login.role:<8}{login.scope}"
            )

        self.stdout.write(
            f"督查督办：{supervision.problems}个问题，其中{supervision.escalated}个逾期未办结、"
            f"已升级督办；专题推进会「{supervision.meeting.topic}」的议定事项已交办。"
            f"问题清单 {reverse('problem_list')}，统计 {reverse('problem_figures')}"
            f"?year={YEAR}&month={OPEN_MONTH}"
        )
        self.stdout.write(
            f"招商引资：{attraction.leads}个招商项目，其中已签约{attraction.signed}个、"
            f"已开工并转入重点项目台账{attraction.started}个；用地地块{attraction.parcels}宗。"
            f"漏斗 {reverse('attraction_funnel')}?year={YEAR}&month={OPEN_MONTH - 1}"
        )
        self.stdout.write(
            f"驻工地专员日志：{visits.visits}次走访，{visits.photos}张现场照片，"
            f"其中{visits.flagged}张拍摄时间或位置待核实；专员填写月报{notes.written}次，"
            f"其中逾期{notes.late}次，另有{notes.missing}个项目月份未填写。"
            f"专员月度 {reverse('commissioner_months')}?year={YEAR}&month={OPEN_MONTH - 1}"
        )

        self.stdout.write(
            f"指标调度：{indicators.indicators}项指标，{indicators.values}个地区月度数值"
            f"（{YEAR - 1}年全年、{YEAR}年1—{OPEN_MONTH - 1}月），{indicators.targets}个年度目标；"
            f"比较组含全省{indicators.province_cities}个省辖市，修武县{indicators.towns}个乡镇的"
            f"脱贫攻坚和农业任务。guanmo indicator-report --year {YEAR} --month {OPEN_MONTH - 1}"
        )

        closed, scoring = tours.closed, tours.scoring
        self.stdout.write(
            f"观摩：「{closed.name}」已结束（{closed.sites.count()}个观摩点），"
            f"评分结果 {reverse('tour_results', args=[closed.pk])}"
        )
        self.stdout.write(f"「{scoring.name}」评分中，评委用手机打开本人链接即可评分：")
        self.stdout.write(f"{'评委':<8}{'单位':<14}链接")
        for judge in scoring.judges.all():
            link = reverse("judge_sign_in", args=[judge.token])
            self.stdout.write(f"{judge.name:<8}{judge.unit:<14}{link}")
