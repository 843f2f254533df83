import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from guanmo.accounts.models import Department, Role, User
from guanmo.indicators.services import link_supplied
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.regions.models import Region
from guanmo.regions.names import region_named, regions_near
from guanmo.regions.services import units_of

_ROLES = {**{role.value: role for role in Role}, **{role.label: role for role in Role}}
_NEEDS_COUNTY = {Role.COUNTY_OFFICE}


class Command(BaseCommand):
    help = "新建用户（或以 --update 修改已有用户）：角色与所属区划决定他能看到什么"

    def add_arguments(self, parser):
        parser.add_argument("username", help="用户名")
        roles = "、".join(f"{role.value}（{role.label}）" for role in Role)
        parser.add_argument("--role", required=True, help=f"角色：{roles}")
        parser.add_argument(
            "--region", default="", help="所属区划：区划代码或名称（县区项目办必填）"
        )
        add_city_argument(parser)
        parser.add_argument(
            "--department",
            default="",
            help="所属部门名称（责任部门必填；本市尚无此部门则新建）",
        )
        parser.add_argument("--name", default="", help="姓名")
        parser.add_argument("--unit", default="", help="单位")
        parser.add_argument("--phone", default="", help="手机号")
        parser.add_argument(
            "--password", default=None, help="密码（不填则交互输入，或取 GUANMO_NEW_USER_PASSWORD）"
        )
        parser.add_argument("--update", action="store_true", help="用户已存在时修改之")

    def handle(
        self,
        *args,
        username,
        role,
        region,
        city,
        department,
        name,
        unit,
        phone,
        password,
        update,
        **options,
    ):
        chosen = _ROLES.get(role.strip())
        if chosen is None:
            raise CommandError(f"--role：没有「{role}」这个角色，可选：{'、'.join(Role.labels)}")
        existing = User.objects.filter(username=username).first()
        if existing and not update:
            raise CommandError(f"用户名「{username}」已存在；如需修改请加 --update")
        scope = self._region(chosen, region, city)
        department_name = self._department_name(chosen, department, existing)
        password = password or os.environ.get("GUANMO_NEW_USER_PASSWORD") or self._ask()
        user = existing or User(username=username)
        user.role, user.region = chosen, scope
        user.full_name = name or user.full_name
        user.unit, user.phone = unit or user.unit, phone or user.phone
        user.is_superuser = user.is_staff = chosen == Role.ADMIN
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("--password：" + "；".join(error.messages)) from error
        user.set_password(password)
        linked = []
        with transaction.atomic():
            user.department = (
                Department.objects.get_or_create(city=scope, name=department_name)[0]
                if department_name
                else None
            )
            user.save()
            if user.department is not None:
                linked = link_supplied(user.department)
        where = f"，所属{scope.name}" if scope else ""
        if user.department:
            where += f"，{user.department}"
        verb = "已修改" if existing else "已新建"
        self.stdout.write(self.style.SUCCESS(f"{verb}用户 {username}（{chosen.label}{where}）"))
        if linked:
            names = "、".join(f"“{indicator.name}”" for indicator in linked)
            self.stdout.write(
                f"指标目录中数据来源单位为{user.department}的{len(linked)}项指标（{names}）"
                f"已设为由{user.department}在网页上填报"
            )

    def _region(self, role: Role, typed: str, city_code: str | None) -> Region | None:
        if role == Role.ADMIN and not typed:
            return None
        city = city_for(city_code)
        if not typed:
            if role in _NEEDS_COUNTY:
                raise CommandError("--region：县区项目办须指定所属县区")
            return city
        regions = [city, *units_of(city)]
        found = Region.objects.filter(code=typed).first() or region_named(typed, regions)
        if found is None:
            near = "、".join(region.name for region in regions_near(typed, regions))
            asked = f"；是否为{near}？请写全称" if near else ""
            raise CommandError(f"--region：{city.name}没有「{typed}」这个区划{asked}")
        is_county = found in units_of(city)
        if role in _NEEDS_COUNTY and not is_county:
            raise CommandError(
                f"--region：{role.label}的所属区划应为县区，而「{found.name}」是"
                f"{found.get_kind_display()}"
            )
        if role not in _NEEDS_COUNTY and found != city:
            raise CommandError(
                f"--region：{role.label}的所属区划应为{city.get_kind_display()}，而「{found.name}」是"
                f"{found.get_kind_display()}"
            )
        return found

    def _department_name(self, role: Role, typed: str, existing: User | None) -> str:
        """The department a department user answers for (kept on --update when not typed)."""
        typed = typed.strip()
        if role != Role.DEPARTMENT:
            if typed:
                raise CommandError(f"--department：只有责任部门的用户有所属部门，{role.label}没有")
            return ""
        if typed:
            return typed
        if existing is not None and existing.department is not None:
            return existing.department.name
        raise CommandError("--department：责任部门须指定所属部门名称")

    def _ask(self) -> str:
        """The password typed twice at the terminal. Without a terminal (a script, a pipe) it
        stops with exit code 2 saying how to give one (tryout 24 F9: an EOFError traceback)."""
        try:
            first, again = getpass.getpass("密码："), getpass.getpass("再次输入密码：")
        except EOFError:
            raise CommandError(
                "未给出密码，且不在终端中运行，无法输入密码：请加 --password 指定密码"
                "（或设环境变量 GUANMO_NEW_USER_PASSWORD），或在终端中运行本命令",
                returncode=2,
            ) from None
        if first != again:
            raise CommandError("两次输入的密码不一致")
        return first
