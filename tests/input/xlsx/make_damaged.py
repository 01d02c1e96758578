#!/usr/bin/env python3
"""Writes the damaged and hostile workbooks of the err-xlsx-* golden cases.

Run once by hand (python3 tests/input/xlsx/make_damaged.py); the files are
committed, so the tests need no Python. Each is a valid roster workbook but
for one fault, which kaohe must refuse with the reason.
"""
import os
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>unit_id</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>T01</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>城关镇</t></is></c></row>')


def book(path, sheet_xml, shared=None, head='<?xml version="1.0"?>'):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship '
                   f'Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                   '<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = (f'<Relationship Id="rId1" Type="{REL}/worksheet" '
                'Target="worksheets/sheet1.xml"/>')
        if shared is not None:
            rels += (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" '
                     'Target="sharedStrings.xml"/>')
            z.writestr("xl/sharedStrings.xml",
                       f'<?xml version="1.0"?><sst xmlns="{MAIN}">{shared}</sst>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{rels}</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   f'{head}<worksheet xmlns="{MAIN}"><sheetData>{sheet_xml}</sheetData>'
                   '</worksheet>')


here = os.path.dirname(os.path.abspath(__file__))
golden = os.path.join(here, "..", "..", "golden")


def out(case, name="units.xlsx"):
    d = os.path.join(golden, case)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


# A billion-laughs entity: refused at its DOCTYPE, never expanded.
book(out("err-xlsx-doctype"),
     ROWS.replace("城关镇", "&lol9;"),
     head='<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">'
                    for i in range(1, 10)) + ']>')
# A shared string index past the table.
book(out("err-xlsx-shared-string"),
     ROWS.replace('<c r="B2" t="inlineStr"><is><t>城关镇</t></is></c>',
                  '<c r="B2" t="s"><v>7</v></c>'),
     shared='<si><t>城关镇</t></si>')
# Rows out of order.
book(out("err-xlsx-row-order"), ROWS.replace('<row r="2">', '<row r="1">', 1)
     .replace('r="A2"', 'r="A1"').replace('r="B2"', 'r="B1"'))
# A formula whose result was never saved (a generator that does not compute).
book(out("err-xlsx-formula"),
     ROWS.replace('<c r="B2" t="inlineStr"><is><t>城关镇</t></is></c>',
                  '<c r="B2" t="str"><f>CONCAT("城关","镇")</f></c>'))
# Malformed XML: a cell never closed.
book(out("err-xlsx-xml"), ROWS.replace("</c></row>", "</row>", 1))
# An OLE compound file: an .xls workbook, or a password-protected .xlsx.
with open(out("err-xlsx-xls"), "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
# A CSV file renamed to .xlsx.
with open(out("err-xlsx-not-zip"), "w", encoding="utf-8") as f:
    f.write("unit_id,name\nT01,城关镇\n")
