from guanmo.attraction.management.yearly_import import YearlySheetImport
from guanmo.attraction.sheet_import import import_attraction


class Command(YearlySheetImport):
    help = (
        "导入招商项目台账（.xlsx、.xls 等）：每行一个洽谈或签约项目，投资方、来源地、行业、"
        "合同投资、各阶段日期和到位资金；已开工项目转入重点项目台账；每项改动记入修改记录"
    )
    file_help = "招商项目台账文件（.xlsx、.xls 等）"
    year_help = "登记年度，如 2025"
    month_help = "到位资金截至的月份（表头和标题都未写明时必填），1—12"
    confirm_help = "确认修改：覆盖上次导入后在页面上更正过的数字（否则作为错误列出）"
    import_sheet = import_attraction
