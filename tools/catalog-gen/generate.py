#!/usr/bin/env python3
"""Writes the SAMPLE catalog tools/sample-data/catalog.csv (format: docs/drug-knowledge.md).

SAMPLE DATA — not real prices. Names, registration numbers and prices are invented but plausible:
registration-number shapes, Vietnamese dosage forms and units, WHO INN and ATC codes, several makers
per common ingredient (so cheaper equivalents exist), and controlled drugs. Deterministic: the same
input files and seed always give the same output, byte for byte.

    python3 tools/catalog-gen/generate.py            # writes tools/sample-data/catalog.csv
    python3 tools/catalog-gen/generate.py --check    # fails if the committed file is stale
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "sample-data" / "catalog.csv"
SEED = 20260101

COLUMNS = [
    "so_dang_ky", "ten_thuoc", "hoat_chat", "ham_luong", "dang_bao_che", "duong_dung", "don_vi_tinh",
    "quy_cach_dong_goi", "atc", "nhom_kiem_soat", "ke_don", "doanh_nghiep_san_xuat", "nuoc_san_xuat",
    "don_vi_ke_khai", "gia_ban_buon_du_kien", "ngay_hieu_luc",
]

# form key -> (dosage form, route, unit, packings)
FORMS = {
    "tab": ("viên nén", "uống", "viên", ["Hộp 10 vỉ x 10 viên", "Hộp 3 vỉ x 10 viên", "Chai 100 viên"]),
    "ftab": ("viên nén bao phim", "uống", "viên", ["Hộp 3 vỉ x 10 viên", "Hộp 2 vỉ x 14 viên", "Hộp 10 vỉ x 10 viên"]),
    "cap": ("viên nang cứng", "uống", "viên", ["Hộp 10 vỉ x 10 viên", "Hộp 3 vỉ x 10 viên"]),
    "mr": ("viên giải phóng kéo dài", "uống", "viên", ["Hộp 3 vỉ x 10 viên", "Hộp 2 vỉ x 15 viên"]),
    "eff": ("viên sủi", "uống", "viên", ["Tuýp 10 viên", "Hộp 4 vỉ x 4 viên"]),
    "subl": ("viên ngậm dưới lưỡi", "ngậm dưới lưỡi", "viên", ["Hộp 1 lọ 100 viên"]),
    "syr": ("siro", "uống", "chai", ["Hộp 1 chai 60 ml", "Hộp 1 chai 100 ml"]),
    "drops": ("dung dịch uống", "uống", "lọ", ["Hộp 1 lọ 20 ml", "Hộp 20 ống 5 ml"]),
    "susp": ("thuốc bột pha hỗn dịch uống", "uống", "gói", ["Hộp 24 gói", "Hộp 12 gói", "Hộp 30 gói"]),
    "powd": ("thuốc bột uống", "uống", "gói", ["Hộp 20 gói", "Hộp 10 gói"]),
    "kit": ("bộ kit viên", "uống", "bộ", ["Hộp 7 bộ"]),
    "inj": ("dung dịch tiêm", "tiêm", "ống", ["Hộp 10 ống", "Hộp 5 ống", "Hộp 50 ống"]),
    "pinj": ("bột pha tiêm", "tiêm", "lọ", ["Hộp 1 lọ", "Hộp 10 lọ"]),
    "pfs": ("dung dịch tiêm trong bơm tiêm đóng sẵn", "tiêm", "bơm tiêm", ["Hộp 1 bơm tiêm", "Hộp 6 bơm tiêm"]),
    "inf": ("dung dịch tiêm truyền", "tiêm truyền", "chai", ["Chai 100 ml", "Thùng 20 chai"]),
    "crm": ("kem bôi da", "dùng ngoài", "tuýp", ["Hộp 1 tuýp 10 g", "Hộp 1 tuýp 15 g"]),
    "oint": ("thuốc mỡ", "dùng ngoài", "tuýp", ["Hộp 1 tuýp 5 g", "Hộp 1 tuýp 15 g"]),
    "gel": ("gel bôi da", "dùng ngoài", "tuýp", ["Hộp 1 tuýp 20 g", "Hộp 1 tuýp 30 g"]),
    "sol": ("dung dịch dùng ngoài", "dùng ngoài", "chai", ["Chai 20 ml", "Chai 90 ml"]),
    "mouth": ("dung dịch súc miệng", "súc miệng", "chai", ["Chai 250 ml"]),
    "patch": ("miếng dán", "dán qua da", "miếng", ["Hộp 5 miếng", "Hộp 7 miếng"]),
    "eye": ("dung dịch nhỏ mắt", "nhỏ mắt", "lọ", ["Hộp 1 lọ 5 ml", "Hộp 1 lọ 10 ml"]),
    "nasal": ("dung dịch xịt mũi", "xịt mũi", "lọ", ["Hộp 1 lọ 10 ml", "Hộp 1 lọ 15 ml"]),
    "inh": ("thuốc hít định liều", "hít", "bình", ["Hộp 1 bình 120 liều", "Hộp 1 bình 200 liều"]),
    "neb": ("dung dịch khí dung", "khí dung", "ống", ["Hộp 20 ống 2 ml", "Hộp 20 ống 2,5 ml"]),
    "vag": ("viên đặt âm đạo", "đặt âm đạo", "viên", ["Hộp 1 vỉ x 6 viên", "Hộp 1 vỉ x 1 viên"]),
    "vial": ("dung dịch tiêm", "tiêm", "lọ", ["Hộp 1 lọ 10 ml"]),
}

# (name, country, brand prefix, kind) kind: d domestic, f foreign
DOMESTIC = [
    ("Công ty CP Dược Hậu Giang", "Việt Nam", "Ha"), ("Công ty CP Traphaco", "Việt Nam", "Tra"),
    ("Công ty CP Xuất nhập khẩu Y tế Domesco", "Việt Nam", "Do"), ("Công ty CP Dược phẩm Imexpharm", "Việt Nam", "Ime"),
    ("Công ty CP Pymepharco", "Việt Nam", "Pyme"), ("Công ty TNHH LD Stellapharm", "Việt Nam", "Stel"),
    ("Công ty CP Dược phẩm Boston Việt Nam", "Việt Nam", "Bos"), ("Công ty CP Hóa - Dược phẩm Mekophar", "Việt Nam", "Meko"),
    ("Công ty CP Dược phẩm OPC", "Việt Nam", "Opc"), ("Công ty CP Dược phẩm 3/2 (F.T.Pharma)", "Việt Nam", "Ft"),
    ("Công ty CP Dược phẩm Trung ương 1 - Pharbaco", "Việt Nam", "Phar"), ("Công ty CP Dược phẩm Trung ương Vidipha", "Việt Nam", "Vidi"),
    ("Công ty CP Dược - Trang thiết bị y tế Bình Định (Bidiphar)", "Việt Nam", "Bidi"),
    ("Công ty CP Dược phẩm Agimexpharm", "Việt Nam", "Agi"), ("Công ty CP Dược phẩm SaVi", "Việt Nam", "Savi"),
    ("Công ty CP Dược phẩm Hà Tây", "Việt Nam", "Hata"), ("Công ty CP Dược phẩm Khánh Hòa", "Việt Nam", "Kha"),
    ("Công ty CP Dược Danapha", "Việt Nam", "Dana"), ("Công ty CP Dược phẩm Nam Hà", "Việt Nam", "Namha"),
    ("Công ty CP Dược phẩm TV.Pharm", "Việt Nam", "Tv"), ("Công ty CP Dược phẩm Cửu Long", "Việt Nam", "Cuu"),
    ("Công ty CP Dược phẩm Minh Dân", "Việt Nam", "Mi"), ("Công ty CP Dược Vacopharm", "Việt Nam", "Vaco"),
    ("Công ty CP Dược phẩm Quảng Bình", "Việt Nam", "Qua"), ("Công ty CP Dược phẩm Me Di Sun", "Việt Nam", "Medi"),
    ("Công ty TNHH Liên doanh Hasan - Dermapharm", "Việt Nam", "Hasan"),
    ("Công ty CP Dược phẩm Đạt Vi Phú", "Việt Nam", "Davi"), ("Công ty CP Dược phẩm Glomed", "Việt Nam", "Glo"),
]
FOREIGN = [
    ("GlaxoSmithKline", "Anh"), ("Sanofi Winthrop Industrie", "Pháp"), ("Pfizer Manufacturing", "Đức"),
    ("Novartis Pharma Stein AG", "Thụy Sĩ"), ("AstraZeneca AB", "Thụy Điển"), ("Les Laboratoires Servier Industrie", "Pháp"),
    ("Bayer AG", "Đức"), ("Boehringer Ingelheim Pharma", "Đức"), ("Merck Sharp & Dohme", "Mỹ"), ("Abbott Laboratories", "Mỹ"),
    ("Teva Pharmaceutical Works", "Hungary"), ("Gedeon Richter Plc.", "Hungary"), ("KRKA, d.d., Novo mesto", "Slovenia"),
    ("Lek Pharmaceuticals d.d. (Sandoz)", "Slovenia"), ("Torrent Pharmaceuticals Ltd.", "Ấn Độ"), ("Sun Pharmaceutical Industries", "Ấn Độ"),
    ("Dr. Reddy's Laboratories", "Ấn Độ"), ("Cadila Healthcare", "Ấn Độ"), ("Hanmi Pharm. Co., Ltd.", "Hàn Quốc"),
    ("Daewoong Pharmaceutical", "Hàn Quốc"), ("Takeda Pharmaceutical", "Nhật Bản"), ("Egis Pharmaceuticals", "Hungary"),
    ("Polfarmex S.A.", "Ba Lan"), ("Medochemie Ltd.", "Síp"), ("Laboratorios Liconsa", "Tây Ban Nha"),
]
IMPORTERS = [
    "Công ty TNHH DKSH Việt Nam", "Công ty TNHH Zuellig Pharma Việt Nam", "Công ty CP Dược liệu Trung ương 2",
    "Công ty CP Vimedimex", "Công ty CP Dược phẩm Trung ương Codupha", "Công ty TNHH Mega Lifesciences Việt Nam",
]
BRAND_ENDINGS = ["ol", "in", "ex", "an", "ix", "or", "al", "on", "ene", "ium", "is", "ax"]
FOREIGN_BRANDS = {
    ("paracetamol", "eff"): "Efferalgan", ("paracetamol", "tab"): "Panadol", ("atorvastatin", "ftab"): "Lipitor",
    ("rosuvastatin", "ftab"): "Crestor", ("acenocoumarol", "tab"): "Sintrom", ("clopidogrel", "ftab"): "Plavix",
    ("amlodipine", "tab"): "Amlor", ("metformin", "ftab"): "Glucophage", ("gliclazide", "mr"): "Diamicron MR",
    ("trimetazidine", "mr"): "Vastarel MR", ("esomeprazole", "mr"): "Nexium", ("amoxicillin+clavulanic acid", "ftab"): "Augmentin",
    ("cefuroxime", "ftab"): "Zinnat", ("azithromycin", "ftab"): "Zithromax", ("clarithromycin", "ftab"): "Klacid",
    ("warfarin", "tab"): "Coumadin", ("perindopril", "tab"): "Coversyl", ("bisoprolol", "ftab"): "Concor",
    ("losartan", "ftab"): "Cozaar", ("sildenafil", "ftab"): "Viagra", ("loratadine", "tab"): "Clarityne",
    ("fexofenadine", "ftab"): "Telfast", ("montelukast", "tab"): "Singulair", ("diclofenac", "ftab"): "Voltaren",
    ("celecoxib", "cap"): "Celebrex", ("omeprazole", "cap"): "Losec", ("levofloxacin", "ftab"): "Tavanic",
    ("ciprofloxacin", "ftab"): "Ciprobay", ("salbutamol", "inh"): "Ventolin", ("domperidone", "tab"): "Motilium-M",
}
DOMESTIC_BRANDS = {
    ("paracetamol", "tab"): "Hapacol", ("paracetamol", "eff"): "Hapacol sủi", ("paracetamol", "susp"): "Hapacol 150 Flu",
    ("amoxicillin", "cap"): "Amoxicilin", ("cefuroxime", "ftab"): "Haginat", ("acetylsalicylic acid", "tab"): "Aspirin",
    ("cefixime", "cap"): "Imexime",
}
COUGH_SUFFIXES = ["người lớn", "trẻ em", "Bổ phế", "Thanh phế", "long đờm"]


def vietnamese_name(inn: str) -> str:
    """The INN as Vietnamese labels print it ("acid folic", "amoxicilin")."""
    name = inn
    if name.endswith(" acid"):
        name = "acid " + name[: -len(" acid")]
    name = name.replace("cillin", "cilin").replace("ph", "ph")
    return name[:1].upper() + name[1:]


def compact(strength: str) -> str:
    return strength.replace(" ", "")


def stem(inn: str) -> str:
    letters = "".join(ch for ch in inn.split()[0] if ch.isalpha())
    return letters[:5] if len(letters) > 5 else letters


def load(path: Path) -> list[list[str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append([part.strip() for part in raw.split("|")])
    return rows


class Generator:
    def __init__(self) -> None:
        self.random = random.Random(SEED)
        self.numbers: set[str] = set()
        self.brands: set[str] = set()
        self.rows: list[list[str]] = []

    def registration_number(self, foreign: bool, control: str, contract: bool) -> str:
        while True:
            year = self.random.randint(15, 25)
            roll = self.random.random()
            if control in ("N", "P") and roll < 0.5:
                number = f"QLĐB-{self.random.randint(100, 999)}-{year}"
            elif foreign:
                number = f"VN-{self.random.randint(10000, 23999)}-{year}"
            elif contract:
                number = f"GC-{self.random.randint(100, 399)}-{year}"
            elif roll < 0.3:
                number = f"893{self.random.randint(100000000, 999999999)}"
            else:
                number = f"VD-{self.random.randint(10000, 35999)}-{year}"
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def brand(self, inns: list[str], strengths: list[str], form: str, maker: tuple, foreign: bool) -> str:
        key = ("+".join(inns), form)
        strength = compact(strengths[0]) if len(strengths) == 1 else "/".join(compact(s) for s in strengths)
        famous = FOREIGN_BRANDS.get(key) if foreign else (DOMESTIC_BRANDS.get(key) if maker[2] == "Ha" else None)
        candidates = []
        if famous:
            candidates.append(f"{famous} {strength}")
        if form == "syr" and any(i in ("dextromethorphan", "ambroxol", "bromhexine", "guaifenesin") for i in inns):
            candidates.append(f"Thuốc ho {self.random.choice(COUGH_SUFFIXES)} {maker[2] if not foreign else 'Plus'}")
        base = vietnamese_name(inns[0]) if len(inns) == 1 else stem(inns[0]).capitalize() + stem(inns[1]).lower()
        if foreign:
            candidates.append(f"{stem(inns[0]).capitalize()}{self.random.choice(BRAND_ENDINGS)} {strength}")
            candidates.append(f"{base} {maker[0].split()[0].strip(',.')} {strength}")
        else:
            style = self.random.random()
            if style < 0.4:
                candidates.append(f"{base} {strength}")
            elif style < 0.7:
                candidates.append(f"{maker[2]}{stem(inns[0]).lower()} {strength}")
            else:
                candidates.append(f"{base} {strength} {maker[2]}")
        for candidate in candidates + [f"{base} {strength} ({maker[2] if not foreign else maker[1]})"]:
            if candidate not in self.brands:
                self.brands.add(candidate)
                return candidate
        suffix = 2
        while f"{candidates[-1]} {suffix}" in self.brands:
            suffix += 1
        name = f"{candidates[-1]} {suffix}"
        self.brands.add(name)
        return name

    def product(self, inns, strengths, atc, form_key, control, rx, base, ordinal):
        foreign = ordinal % 3 == 1 or (base > 50000 and ordinal % 2 == 1)
        if foreign:
            name, country = self.random.choice(FOREIGN)
            maker = (name, country, "")
            declarer = self.random.choice(IMPORTERS)
        else:
            maker = self.random.choice(DOMESTIC)
            if ordinal == 0 and ("+".join(inns), form_key) in DOMESTIC_BRANDS:
                maker = DOMESTIC[0]  # Hậu Giang's well-known brands (Hapacol, Haginat …)
            name, country = maker[0], maker[1]
            declarer = name
        form, route, unit, packings = FORMS[form_key]
        number = self.registration_number(foreign, control, contract=not foreign and self.random.random() < 0.05)
        brand = self.brand(inns, strengths, form_key, maker, foreign)
        factor = self.random.uniform(2.0, 5.0) if foreign else self.random.uniform(0.5, 1.6)
        price = max(50, int(round(base * factor, -1 if base < 2000 else -2)))
        packing = self.random.choice(packings)
        declarations = self.random.choice([1, 1, 2, 2, 3])
        year = self.random.randint(2021, 2023)
        dates = []
        for index in range(declarations):
            dates.append(f"{year + index}-{self.random.randint(1, 12):02d}-{self.random.randint(1, 28):02d}")
        for index, date in enumerate(dates):
            self.rows.append([
                number, brand, ";".join(inns), ";".join(strengths), form, route, unit, packing,
                atc, {"-": "khong", "N": "gay_nghien", "P": "huong_than", "T": "tien_chat"}[control],
                "co" if rx == "R" else "khong", name, country, declarer, str(price), date,
            ])
            price = int(round(price * self.random.uniform(1.0, 1.12), -1))

    def run(self) -> str:
        for inn, atc, strengths, form_key, control, rx, base, makers in load(HERE / "ingredients.txt"):
            for position, strength in enumerate(s.strip() for s in strengths.split(",")):
                count = max(1, int(makers) - position)
                scale = 1 + 0.6 * position
                for ordinal in range(count):
                    self.product([inn], [strength], atc, form_key, control, rx, int(int(base) * scale), ordinal)
        for inns, strengths, atc, form_key, control, rx, base, makers in load(HERE / "combinations.txt"):
            for ordinal in range(int(makers)):
                self.product(inns.split("+"), strengths.split("+"), atc, form_key, control, rx, int(base), ordinal)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(self.rows)
        return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if the committed CSV differs from a fresh run")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    text = Generator().run()
    if arguments.check:
        if arguments.output.read_text(encoding="utf-8") != text:
            print(f"{arguments.output} is stale: run tools/catalog-gen/generate.py", file=sys.stderr)
            return 1
        return 0
    arguments.output.write_text(text, encoding="utf-8")
    products = len({row[0] for row in csv.reader(io.StringIO(text))}) - 1
    ingredients = {inn for row in list(csv.reader(io.StringIO(text)))[1:] for inn in row[2].split(";")}
    print(f"wrote {arguments.output}: {products} products, {len(ingredients)} ingredients, {text.count(chr(10)) - 1} declarations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
