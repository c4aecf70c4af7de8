# CSV fixtures in the encodings Excel/WPS save on Chinese Windows (called by make-file-fixtures.ts).
# python3's built-in codecs stand in for the tools: Excel "CSV (逗号分隔)" = GBK (cp936), "CSV UTF-8" = UTF-8
# with BOM, "Unicode 文本" = UTF-16LE with BOM, tab-separated.
import sys, os

out = sys.argv[1]
rows = [
    ["统一社会信用代码", "名称", "类型", "信用风险分类", "登记状态", "上次检查日期"],
    ["91410802MA44K5YQ6B", "焦作市解放区星光KTV有限公司", "企业", "A", "存续", "2023-02-01"],
    ["91410803MA40R2DN0U", "焦作市中站区欢乐颂歌舞厅", "企业", "A", "存续", "2022-12-31"],
    ["92410811MA45N2XG7K", "山阳区麦乐迪量贩式KTV", "个体工商户", "A", "存续", ""],
    ["91410821MA3X7H0Q2F", "修武县云台演艺酒吧有限公司，\"二部\"", "企业", "C", "存续", ""],
]

def csv(rs, sep=","):
    def cell(c):
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in [sep, '"', "\n"]) else c
    return "".join(sep.join(cell(c) for c in r) + "\r\n" for r in rs)

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

text = csv(rows)
write("pool-utf8.csv", text.encode("utf-8"))
write("pool-utf8-bom.csv", text.encode("utf-8-sig"))
write("pool-gbk.csv", text.encode("gbk"))
write("pool-utf16le.txt", csv(rows, "\t").encode("utf-16"))  # BOM + little-endian, as Excel's "Unicode text"
# GB18030 with a character outside GBK (𡈼, CJK Ext. B: four bytes in GB18030, absent from GBK).
extra = rows + [["92410882MA48F3CK2X", "沁阳市𡈼记餐馆", "个体工商户", "B", "存续", ""]]
write("pool-gb18030.csv", csv(extra).encode("gb18030"))
# Bytes valid in neither UTF-8 nor GB18030: a stray 0x80 and 0xFF in the second line.
write("invalid-bytes.csv", "名称,状态\r\n".encode("utf-8") + b"\x80\xff\xfe,x\r\n")
