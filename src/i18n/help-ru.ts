/**
 * Russian for the command line's own texts: the description of every command, argument and
 * option, keyed by the English text written beside each in src/cli/commands (so a changed English
 * text is noticed: tests/i18n/help.test.ts requires a translation for each). Commander's own words
 * (titles, errors) are in ru.ts under `cli-…` keys.
 */
export const helpRu: Record<string, string> = {
  'Organisation structure as code: validate, diff and render org charts and function matrices from YAML.':
    'Оргструктура как код: проверка, сравнение реорганизаций, оргсхемы и функциональные матрицы из YAML.',
  'language of messages and names (ru, en); default from LANG':
    'язык сообщений и названий (ru, en); по умолчанию — из LANG',
  'show stack traces of internal errors': 'показывать трассировку стека при внутренних ошибках',
  'output the version number': 'показать номер версии',
  'display help for command': 'показать справку по команде',
  // validate
  'check a structure: schemas, references, the tree and the function matrix':
    'проверить структуру: схемы, ссылки, дерево и функциональную матрицу',
  'structure directories, or files and folders inside structures (default: the structure found from the current directory)':
    'каталоги структур либо файлы и папки внутри структур (по умолчанию — структура, найденная от текущего каталога)',
  'stylish, json, github, sarif, codequality or junit': 'stylish, json, github, sarif, codequality или junit',
  'report errors only': 'сообщать только об ошибках',
  'exit with 1 when there are more warnings than this': 'завершиться с кодом 1, если предупреждений больше этого числа',
  'write the report to a file (atomically)': 'записать отчёт в файл (атомарно)',
  // diff, render diff
  'what a reorganisation changes: units, lineage, functions and assignments between two structures or git revisions':
    'что меняет реорганизация: подразделения, преемственность, функции и роли между двумя структурами или ревизиями git',
  'the earlier side: a structure directory, a git revision, or REV:path':
    'прежняя сторона: каталог структуры, ревизия git или РЕВИЗИЯ:путь',
  'the later side (default: the structure directory in the working tree)':
    'новая сторона (по умолчанию — каталог структуры в рабочей копии)',
  'where the structure directory is, for sides read from git (default: the one found from the current directory, else structure)':
    'где каталог структуры для сторон из git (по умолчанию — найденный от текущего каталога, иначе structure)',
  'text, markdown or json': 'text, markdown или json',
  'exit with 1 when there are changes, 0 when there are none':
    'завершиться с кодом 1, если есть изменения, и 0, если их нет',
  'write the diff to a file (atomically)': 'записать сравнение в файл (атомарно)',
  'draw a reorganisation: the later structure with added, changed, removed and merged units marked':
    'нарисовать реорганизацию: новая структура с отмеченными добавленными, изменёнными, упразднёнными и объединёнными подразделениями',
  // render
  'render charts and matrices (see `org render --help`)': 'оргсхемы и матрицы (см. `org render --help`)',
  'draw the org chart as SVG, PDF, PNG or DOT': 'нарисовать оргсхему в SVG, PDF, PNG или DOT',
  'structure directory (default: the one found from the current directory)':
    'каталог структуры (по умолчанию — найденный от текущего каталога)',
  'draw only this unit and the units below it': 'рисовать только это подразделение и нижестоящие',
  'number of levels to draw (1 = the top unit only)': 'сколько уровней рисовать (1 — только верхнее подразделение)',
  "show each unit's headcount (and the total below it)":
    'показать численность каждого подразделения (и итог по нижестоящим)',
  "show each unit's headcount": 'показать численность каждого подразделения',
  'list the functions each unit leads': 'перечислить функции, за которые отвечает каждое подразделение',
  'write to a file (atomically); the extension picks the format': 'записать в файл (атомарно); формат — по расширению',
  'svg, pdf, png or dot (default: from the extension of -o, else svg)':
    'svg, pdf, png или dot (по умолчанию — по расширению -o, иначе svg)',
  'TB (top to bottom) or LR (left to right)': 'TB (сверху вниз) или LR (слева направо)',
  "title above the chart (default: the organisation's name and the date of the structure)":
    'заголовок над схемой (по умолчанию — название организации и дата структуры)',
  'PDF page: A4, A3, A2 or fit (one page the size of the chart)':
    'страница PDF: A4, A3, A2 или fit (одна страница по размеру схемы)',
  'PDF pages in landscape orientation (default: whichever needs fewer pages)':
    'страницы PDF в альбомной ориентации (по умолчанию — та, что даёт меньше страниц)',
  'PDF pages in portrait orientation': 'страницы PDF в книжной ориентации',
  'PNG zoom over 96 dpi (capped for very large charts)':
    'масштаб PNG относительно 96 dpi (ограничивается для очень больших схем)',
  'layout engine: wasm (built in) or dot (a Graphviz installed on this system)':
    'движок раскладки: wasm (встроенный) или dot (Graphviz, установленный в системе)',
  'the function matrix: functions down the side, units across, a role code in each cell':
    'функциональная матрица: функции по строкам, подразделения по столбцам, код роли в каждой клетке',
  'table, md, csv, html, svg, pdf, json (default: from the -o extension, else table)':
    'table, md, csv, html, svg, pdf, json (по умолчанию — по расширению -o, иначе table)',
  'write to a file (atomically)': 'записать в файл (атомарно)',
  'one column per unit of this kind; subunits count for it, the strongest role wins':
    'по столбцу на подразделение этого вида; нижестоящие засчитываются ему, побеждает сильнейшая роль',
  'columns: this unit and its subunits; rows: the functions they take part in':
    'столбцы — это подразделение и нижестоящие; строки — функции, в которых они участвуют',
  'group functions by their lead unit or by type: lead, type':
    'группировать функции по ответственному подразделению или по типу: lead, type',
  'width of the terminal table in columns': 'ширина таблицы в терминале, в столбцах',
  'paper for pdf: A4, A3, A2 or fit (one page the size of the matrix)':
    'бумага для pdf: A4, A3, A2 или fit (одна страница по размеру матрицы)',
  // tree, show, stats
  'show the structure as a tree: kind, headcount and functions led for each unit':
    'показать структуру деревом: вид, численность и функции каждого подразделения',
  'text or json': 'text или json',
  'start from this unit': 'начать с этого подразделения',
  'show this many levels (1 = only the top)': 'показать столько уровней (1 — только верхний)',
  'cut long names to fit this many columns (default: the terminal width)':
    'обрезать длинные названия по этой ширине (по умолчанию — ширина терминала)',
  'show one unit or function in full: names, place in the tree, roles, staff, lineage, source':
    'показать подразделение или функцию целиком: названия, место в дереве, роли, штат, преемственность, источник',
  'id of a unit or a function': 'идентификатор подразделения или функции',
  'figures for a functional review: units per kind, layers, span of control, headcount, function coverage':
    'показатели для функционального анализа: подразделения по видам, уровни, норма управляемости, численность, покрытие функций',
  // init, fmt
  'create a new structure: organization.yaml, one root unit and one function, with schema modelines':
    'создать новую структуру: organization.yaml, одно корневое подразделение и одна функция, со ссылками на схемы',
  'directory to create it in': 'каталог, в котором её создать',
  'where the modelines point (default: the installed schemas, or the published URL)':
    'куда указывают ссылки на схемы (по умолчанию — на установленные схемы или опубликованный адрес)',
  'rewrite structure files in one canonical form (key order, quoting, indentation, modeline), keeping every comment':
    'привести файлы структуры к единому виду (порядок ключей, кавычки, отступы, ссылка на схему), сохраняя все комментарии',
  'write nothing; list the files that would change and exit with 1 if any':
    'ничего не записывать; перечислить файлы, которые изменились бы, и завершиться с кодом 1, если они есть',
  'where modelines point (default: as organization.yaml says)':
    'куда указывают ссылки на схемы (по умолчанию — как в organization.yaml)',
  // import, export, completion
  'create structure files from other formats (see `org import csv --help`)':
    'создать файлы структуры из других форматов (см. `org import csv --help`)',
  'create unit files from a spreadsheet of units (the columns `org export --format csv` writes)':
    'создать файлы подразделений из таблицы (со столбцами, которые пишет `org export --format csv`)',
  'CSV file: UTF-8 with or without BOM, separated by "," or ";"':
    'файл CSV: UTF-8 с BOM или без, разделитель «,» или «;»',
  'structure directory, created when missing (default: the one found from the current directory, else structure)':
    'каталог структуры, создаётся при отсутствии (по умолчанию — найденный от текущего каталога, иначе structure)',
  'import the good rows even when some are bad': 'импортировать корректные строки, даже если есть ошибочные',
  'update unit files that already exist (everything the spreadsheet does not carry is kept)':
    'обновлять существующие файлы подразделений (всё, чего нет в таблице, сохраняется)',
  'where the modelines of new files point': 'куда указывают ссылки на схемы в новых файлах',
  'write the structure as JSON, CSV, a Mermaid flowchart, or W3C Organization Ontology RDF (Turtle, JSON-LD)':
    'выгрузить структуру в JSON, CSV, схему Mermaid или RDF по W3C Organization Ontology (Turtle, JSON-LD)',
  'json, csv, xlsx, mermaid, ttl, jsonld (default: from the -o extension, else json)':
    'json, csv, xlsx, mermaid, ttl, jsonld (по умолчанию — по расширению -o, иначе json)',
  'write to a file (atomically) instead of standard output': 'записать в файл (атомарно), а не в стандартный вывод',
  'CSV separator: "," or ";" (Excel in Russian locales) or tab':
    'разделитель CSV: «,» или «;» (Excel в русской локали) или табуляция',
  'RDF: prefix of the IRIs of units, functions and posts (default urn:orgcode:<organisation id>/)':
    'RDF: префикс IRI подразделений, функций и должностей (по умолчанию urn:orgcode:<идентификатор организации>/)',
  'Mermaid: TD (top-down) or LR (left-right)': 'Mermaid: TD (сверху вниз) или LR (слева направо)',
  'CSV: units, functions or assignments (xlsx has all three as sheets)':
    'CSV: units (подразделения), functions (функции) или assignments (роли); в xlsx все три — листы',
  'create structure files from CSV tables of units, functions and assignments (the tables `org export --format csv` writes)':
    'создать файлы структуры из таблиц CSV подразделений, функций и ролей (тех, что пишет `org export --format csv`)',
  'CSV files (UTF-8 with or without BOM, "," or ";"; - for standard input), then optionally the structure directory':
    'файлы CSV (UTF-8 с BOM или без, «,» или «;»; - — стандартный ввод), затем, если нужно, каталог структуры',
  'create structure files from an Excel workbook: sheets of units, functions and assignments (as `org export -o x.xlsx` writes)':
    'создать файлы структуры из книги Excel: листы подразделений, функций и ролей (как пишет `org export -o x.xlsx`)',
  'the .xlsx workbook (- for standard input)': 'книга .xlsx (- — стандартный ввод)',
  'create unit files from the Group entities of a Backstage catalog (spec.type, parent, children, profile.displayName)':
    'создать файлы подразделений из сущностей Group каталога Backstage (spec.type, parent, children, profile.displayName)',
  'catalog YAML with one or more entities (- for standard input)':
    'YAML каталога с одной или несколькими сущностями (- — стандартный ввод)',
  'print a shell completion script for bash or zsh': 'вывести скрипт автодополнения для bash или zsh',
  'bash or zsh': 'bash или zsh',
  'display help for a command': 'показать справку по команде',
  // charts, matrices, dates, history and lineage options
  'longest Markdown output in characters; the longest tables are cut to fit (default 65536)':
    'наибольшая длина вывода Markdown в символах; самые длинные таблицы сокращаются (по умолчанию 65536)',
  "write inferred matches (all, or the OLD=NEW pairs given) as replaces into the later side's files":
    'записать выведенные соответствия (все или указанные пары СТАРОЕ=НОВОЕ) как replaces в файлы новой стороны',
  'the reorganisations in the git history of a structure: per commit, its date, subject, summary and legal basis':
    'реорганизации в истории git структуры: для каждого коммита — дата, тема, итог и правовое основание',
  'git revisions to look at, as git log takes them (HEAD, main..HEAD, v1..v2)':
    'ревизии git для просмотра, как их принимает git log (HEAD, main..HEAD, v1..v2)',
  'show only the newest n commits': 'показать только n последних коммитов',
  'draw the org chart as SVG, PDF, PNG, PPTX (editable slides) or DOT':
    'нарисовать оргсхему в SVG, PDF, PNG, PPTX (редактируемые слайды) или DOT',
  'draw only this unit (id, start of an id, or name) and the units below it':
    'нарисовать только это подразделение (идентификатор, его начало или название) и нижестоящие',
  'the structure in force on this day (YYYY-MM-DD or today): units and functions not yet created or already abolished are left out':
    'состав на этот день (ГГГГ-ММ-ДД или today): ещё не созданные и уже упразднённые подразделения и функции не показываются',
  'svg, pdf, png, pptx or dot (default: from the extension of -o, else svg)':
    'svg, pdf, png, pptx или dot (по умолчанию — по расширению -o, иначе svg)',
  'PDF paper: A4 (default), A3, A2 (a book: an overview, then linked pages per subtree) or fit (one page the size of the chart); PPTX slide: 16:9 (default), A4, A3, A2 or fit':
    'бумага PDF: A4 (по умолчанию), A3, A2 (книга: обзор, затем связанные страницы по ветвям) или fit (одна страница размером со схему); слайд PPTX: 16:9 (по умолчанию), A4, A3, A2 или fit',
  'PDF pages in landscape orientation (default: whichever needs fewer pages; PPTX paper slides are landscape)':
    'страницы PDF в альбомной ориентации (по умолчанию — та, что требует меньше страниц; бумажные слайды PPTX — альбомные)',
  'PDF pages or PPTX paper slides in portrait orientation':
    'страницы PDF или бумажные слайды PPTX в книжной ориентации',
  'a TrueType/OpenType font to draw with, before DejaVu Sans (repeatable: the first font that has a character sets it)':
    'шрифт TrueType/OpenType для рисования, раньше DejaVu Sans (можно повторять: символ набирается первым шрифтом, в котором он есть)',
  'accepted for old scripts (wasm or dot); charts are laid out and drawn by org itself':
    'принимается ради старых сценариев (wasm или dot); схемы раскладывает и рисует сам org',
  'no progress line on the terminal': 'не показывать строку хода работы в терминале',
  'draw only this unit (id, start of an id, or name, in the later structure) and the units below it':
    'нарисовать только это подразделение (идентификатор, его начало или название в новой структуре) и нижестоящие',
  'columns: this unit (id, start of an id, or name) and its subunits; rows: the functions they take part in':
    'столбцы: это подразделение (идентификатор, его начало или название) и его подразделения; строки: функции, в которых они участвуют',
  'for svg and pdf: a TrueType/OpenType font to draw with, before DejaVu Sans (repeatable)':
    'для svg и pdf: шрифт TrueType/OpenType для рисования, раньше DejaVu Sans (можно повторять)',
  'start from this unit: its id, the start of its id, or its name':
    'начать с этого подразделения: идентификатор, его начало или название',
  'show one unit or function in full: names, place in the tree, roles, staff, lineage, dates, source':
    'показать подразделение или функцию полностью: названия, место в дереве, роли, штат, преемственность, даты, источник',
  'a unit or a function: its id, the start of its id, or its name in any language':
    'подразделение или функция: идентификатор, его начало или название на любом языке',
  "the unit's names, parents and lineage through the git history of the structure":
    'названия, вышестоящие и преемственность подразделения по истории git структуры',
  'with --history: the git revisions to look at': 'с --history: ревизии git для просмотра',
};

/**
 * The help's closing notes and the explanations beside its examples, as they appear in the help
 * (line breaks included); commands and options in the examples stay as they are.
 */
export const helpNotesRu: ReadonlyArray<[string, string]> = [
  ['Examples:', 'Примеры:'],
  [
    'Without a path, the structure is the nearest folder with organization.yaml at or above the\ncurrent directory (or a structure/ folder beside one on the way up).',
    'Без пути структура — ближайший каталог с organization.yaml в текущем каталоге или выше\n(или каталог structure/ рядом с одним из них на пути вверх).',
  ],
  ['check the structure found from here', 'проверить структуру, найденную отсюда'],
  ['findings of one file (the whole structure is loaded)', 'замечания по одному файлу (загружается вся структура)'],
  ['two structures, one report', 'две структуры, один отчёт'],
  ['annotations in GitHub Actions', 'аннотации в GitHub Actions'],
  ['fail on warnings too', 'ошибка и при предупреждениях'],
  [
    "Each side is a directory if one exists at that path, otherwise a git revision of the repository\naround the current directory, read at --dir (REV:path reads another path at that revision).\nNames are shown in --lang, by default in the organisation's first language.",
    'Каждая сторона — каталог, если он есть по этому пути, иначе ревизия git репозитория вокруг\nтекущего каталога, прочитанная в --dir (РЕВИЗИЯ:путь читает другой путь в этой ревизии).\nНазвания — на языке --lang, по умолчанию на первом языке организации.',
  ],
  ['what this branch does to ./structure', 'что эта ветка меняет в ./structure'],
  ['what the last commit did', 'что сделал последний коммит'],
  ['two directories', 'два каталога'],
  [
    "Names are in the language of --lang (default: the organisation's first language).",
    'Названия — на языке --lang (по умолчанию — на первом языке организации).',
  ],
  ['the working tree against the main branch', 'рабочая копия по сравнению с веткой main'],
  ['table in the terminal', 'таблица в терминале'],
  ['one column per управление', 'по столбцу на управление'],
  ['for a spreadsheet (UTF-8 with BOM)', 'для электронной таблицы (UTF-8 с BOM)'],
  ['a standalone page in English', 'отдельная страница на английском'],
  [
    "The scaffold's language follows --lang (ru or en), else LANG.",
    'Язык заготовки — по --lang (ru или en), иначе по LANG.',
  ],
  ['create ./structure', 'создать ./structure'],
  ['a Russian scaffold in ./orgstructure', 'русская заготовка в ./orgstructure'],
  ['the new structure passes as written', 'новая структура проходит проверку как есть'],
  [
    'Exit codes: 0 all files formatted (or, with --check, already tidy); 1 some file would change\n(--check) or could not be formatted; 2 could not run.',
    'Коды выхода: 0 — все файлы оформлены (с --check — уже в порядке); 1 — какой-то файл изменился бы\n(--check) или не может быть оформлен; 2 — запуск невозможен.',
  ],
  ['tidy ./structure in place', 'привести ./structure в порядок на месте'],
  ['in CI: list untidy files', 'в CI: перечислить неоформленные файлы'],
  ['only these files (as pre-commit passes them)', 'только эти файлы (как их передаёт pre-commit)'],
  [
    'Tables (one CSV file or one sheet of a workbook each, told apart by their columns; English or\nRussian headers; text columns once per language, e.g. "name (ru)"):',
    'Таблицы (каждая — файл CSV или лист книги, различаются по столбцам; заголовки на английском\nили русском; текстовые столбцы — по одному на язык, например «название (ru)»):',
  ],
  [
    'An empty id is made from the name (Cyrillic and Hangul transliterated). Positions are\n"title: count" lines; a structured source is JSON. Checks follow organization.yaml (kind-rank\noff accepts any nesting). Without organization.yaml, one is created. Exit codes: 0 imported;\n1 bad rows (nothing written unless --partial); 2 could not run.',
    'Пустой идентификатор создаётся из названия (кириллица и хангыль транслитерируются). Должности —\nстроки «название: количество»; структурированный источник — JSON. Проверки — как в organization.yaml\n(kind-rank off допускает любую вложенность). Без organization.yaml он создаётся. Коды выхода:\n0 — импортировано; 1 — ошибочные строки (ничего не записано без --partial); 2 — запуск невозможен.',
  ],
  ['into the structure found from here (or ./structure)', 'в структуру, найденную отсюда (или в ./structure)'],
  ['import the good rows, report the bad ones', 'импортировать корректные строки, сообщить об ошибочных'],
  ['edit in a spreadsheet and bring the changes back', 'править в электронной таблице и вернуть изменения'],
  ['bring the edited workbook back', 'вернуть отредактированную книгу'],
  [
    'Each Group becomes a unit: id from metadata.name, kind from spec.type, parent from spec.parent\nor the group listing it in spec.children, name from spec.profile.displayName (else\nmetadata.title), description from metadata.description. Other entities are skipped.',
    'Каждая сущность Group становится подразделением: идентификатор из metadata.name, вид из spec.type,\nвышестоящее из spec.parent или из группы, где оно в spec.children, название из\nspec.profile.displayName (иначе metadata.title), описание из metadata.description. Прочие сущности пропускаются.',
  ],
  [
    'Names are in the language of --lang where the structure has it, else in its first language.\nCSV has the columns `org import csv` reads; JSON is described by schemas/export.schema.json.',
    'Названия — на языке --lang, если он есть в структуре, иначе на её первом языке.\nCSV содержит столбцы, которые читает `org import csv`; JSON описан в schemas/export.schema.json.',
  ],
  ['for Excel with Russian regional settings', 'для Excel с русскими региональными настройками'],
  ['units, functions and assignments as sheets', 'подразделения, функции и роли — листами'],
  ['just for this shell', 'только для этой оболочки'],
];
