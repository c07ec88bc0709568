"""A year's certificate of service as a PDF, pure: the facts in, the bytes out."""
import os
from pathlib import Path

from fpdf import FPDF

# Debian's fonts-wqy-zenhei (installed by deploy/scripts/setup.sh); LINLI_CJK_FONT overrides.
FONT_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


class FontMissing(RuntimeError):
    pass


def cjk_font():
    """The first CJK font found; the certificate's Chinese text needs one."""
    for path in filter(None, (os.environ.get("LINLI_CJK_FONT"), *FONT_PATHS)):
        if Path(path).is_file():
            return path
    raise FontMissing("no CJK font: install Debian's fonts-wqy-zenhei or set LINLI_CJK_FONT")


def render(name, community, year, hours, shifts, served, issued_on):
    """The certificate of `name`'s `hours` of service in `year` (zh-CN with English beneath)."""
    pdf = FPDF(orientation="L", format="A5")
    pdf.add_font("cjk", fname=cjk_font())
    pdf.add_page()
    pdf.set_font("cjk", size=24)
    pdf.cell(0, 18, "志愿服务证明", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.cell(0, 8, "Certificate of volunteer service", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("cjk", size=13)
    pdf.multi_cell(0, 9, f"兹证明 {name} 于 {year} 年在{community}参加志愿服务 {shifts} 次，"
                         f"累计服务 {hours:.2f} 小时，服务居民 {served} 人次。特发此证，以资鼓励。",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 7, f"{name} served {shifts} shifts, {hours:.2f} hours, and {served} residents "
                         f"as a volunteer of {community} in {year}.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.cell(0, 8, f"{community} 居民委员会    {issued_on}", align="R")
    return bytes(pdf.output())
