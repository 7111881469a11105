"""The header rows of a statistics table, shared by the PDF and the Excel file."""


def header_rows(table):
    """Two header rows of ``table``: ``[[(label, colspan, rowspan)], [(label, 1, 1)]]``. A group
    of one column named as the group takes both rows."""
    top, bottom = [], []
    for group in table["groups"]:
        columns = group["columns"]
        if len(columns) == 1 and columns[0]["label"] == group["label"]:
            top.append((group["label"], 1, 2))
        else:
            top.append((group["label"], len(columns), 1))
            bottom.extend((column["label"], 1, 1) for column in columns)
    return [top, bottom]


def column_count(table):
    return sum(len(group["columns"]) for group in table["groups"])
