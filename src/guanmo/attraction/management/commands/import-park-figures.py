from guanmo.attraction.management.yearly_import import YearlySheetImport
from guanmo.attraction.park_import import import_park_figures


class Command(YearlySheetImport):
    help = (
        "导入园区（产业集聚区）主要指标（.xlsx、.xls 等）：每行一个园区，"
        "主营业务收入及其中主导产业、主导产业占比目标、规上企业、高新技术企业、公共服务平台、从业人员、规划面积和建成面积；"
        "空白单元格不改变已有数字，每项改动记入修改记录"
    )
    file_help = "园区主要指标文件（.xlsx、.xls 等）"
    year_help = "年度，如 2025"
    month_help = "数字截至的月份（1—M月；标题未写明时必填），1—12"
    import_sheet = import_park_figures
