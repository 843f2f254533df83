"""The open data's shapes: English keys, described in Chinese in the OpenAPI schema. The JSON
download writes projects with the same schema as the API."""

from typing import Literal

from ninja import Field, Schema

MONEY = "单位：万元。"
PRIVATE = "城市未公开此项时为 null。"


class ProjectOut(Schema):
    id: int = Field(description="项目编号（本系统内），用于 /projects/{id}")
    name: str = Field(description="项目名称")
    county: str = Field(description="所在县区名称")
    county_code: str = Field(description="所在县区代码（GB/T 2260；园区为“市代码-Z序号”）")
    levels: list[Literal["省", "市", "县"]] = Field(
        description="本年度所在重点项目名录的级别：省、市、县重点"
    )
    stage: str = Field(description="建设性质：新开工、续建、竣工、前期；未填为空")
    industry: str = Field(description="产业类别；未填为空")
    scope: str = Field(description="建设规模及主要内容")
    owner: str = Field(description="建设单位（项目业主）")
    responsible_unit: str = Field(description="责任单位")
    annual_plan: float | None = Field(
        description=f"年度计划投资（年度目标）。{MONEY}无计划为 null。"
    )
    completed: float | None = Field(
        description=f"截至 month 月的本年累计完成投资，只计已关闭月份审核通过的数据。{MONEY}"
        "尚未报送为 null。"
    )
    completion_rate: float | None = Field(
        description="完成率：累计完成投资占年度计划的百分比，一位小数，四舍五入；"
        "无计划或未报送为 null"
    )
    month: int | None = Field(
        description="累计完成投资所属的月份（本年已关闭的月份）；尚未报送为 null"
    )
    commissioner: str = Field(description="驻工地专员姓名；未派驻为空")
    code: str | None = Field(description=f"项目代码（全国投资项目在线审批监管平台）。{PRIVATE}")
    total_investment: float | None = Field(description=f"总投资。{MONEY}{PRIVATE}")
    location: str | None = Field(description=f"建设地点。{PRIVATE}")
    latitude: float | None = Field(description=f"纬度（WGS 84）。{PRIVATE}")
    longitude: float | None = Field(description=f"经度（WGS 84）。{PRIVATE}")
    leader_in_charge: str | None = Field(description=f"包抓领导。{PRIVATE}")
    commissioner_phone: str | None = Field(description=f"驻工地专员电话。{PRIVATE}")
    visible_progress: str | None = Field(description=f"形象进度（截至 month 月）。{PRIVATE}")
    problems: str | None = Field(description=f"存在问题（截至 month 月）。{PRIVATE}")


class CityOut(Schema):
    code: str = Field(description="城市行政区划代码（GB/T 2260，6位）")
    name: str = Field(description="城市名称")
    year: int = Field(description="公示的年度：最近关闭的填报月份所在年度")
    month: int | None = Field(description="最近关闭的填报月份；尚无已关闭月份为 null")
    as_of: str = Field(description="数据截至的文字说明，如“数据截至2025年3月”")
    project_count: int = Field(description="本年度重点项目个数")
    published_fields: list[str] = Field(
        description="本市公开的字段（项目的键名）；其余可选字段为 null"
    )


class ProjectFilters(Schema):
    q: str = Field("", max_length=100, description="搜索项目名称、建设单位、责任单位、建设内容")
    county: str = Field("", max_length=16, description="所在县区代码，见 county_code")
    industry: str = Field("", max_length=64, description="产业类别，须与 industry 完全一致")
    stage: Literal["", "新开工", "续建", "竣工", "前期"] = Field("", description="建设性质")
    level: Literal["", "省", "市", "县"] = Field("", description="重点项目名录级别")


class Message(Schema):
    detail: str = Field(description="说明（中文）")


class Invalid(Schema):
    detail: list[dict] = Field(description="参数错误：每项说明一个参数（位置 loc、原因 msg）")
