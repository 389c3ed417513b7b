<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotatorIdentity</name>
    <message>
        <location filename="../../gui/annotator_identity.py" line="25"/>
        <source>Who is annotating?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../../gui/annotator_identity.py" line="26"/>
        <source>Your name (your spans are kept under it; asked only once):</source>
        <translation>您的名字（您的标注都记在这个名字下，只问这一次）：</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../gui/document_list.py" line="197"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="201"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="201"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="201"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="202"/>
        <source>Show documents by your status</source>
        <translation>按您的标注进度筛选文档</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../gui/document_list.py" line="62"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="62"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="63"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="63"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="87"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="87"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="87"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find_bar.py" line="42"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="45"/>
        <source>text in this document</source>
        <translation>在本文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="48"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="48"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="57"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="90"/>
        <location filename="../../gui/main_window.py" line="119"/>
        <source>offset %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="166"/>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178"/>
        <source>Every document is done.</source>
        <translation>所有文档都已完成。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>Select some text first (mouse or Shift+arrows), or click a span to relabel it.</source>
        <translation>请先选中文字（用鼠标或 Shift+方向键），或点击一个标注来更改它的标签。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="241"/>
        <source>Only spaces and punctuation are selected: nothing to tag.</source>
        <translation>选中的只有空格和标点，没有可标注的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="246"/>
        <source>Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not cross.</source>
        <translation>未执行：[%1, %2) 会与标注“%3” [%4, %5) 交叉；标注可以嵌套，但不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="260"/>
        <location filename="../../gui/main_window.py" line="275"/>
        <source>Click a span (or press Tab) to select it first.</source>
        <translation>请先点击一个标注（或按 Tab）选中它。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="282"/>
        <source>Refused: the span would cross “%1”.</source>
        <translation>未执行：该标注会与“%1”交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="292"/>
        <source>Select a span first: its text is what gets tagged everywhere.</source>
        <translation>请先选中一个标注：与它相同的文字将在各处被标注。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="301"/>
        <source>Nothing to tag: %1 occurrences skipped (already tagged or crossing a span).</source>
        <translation>没有可标注的：跳过了 %1 处（已有标注，或会与标注交叉）。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="306"/>
        <source>Tagged %1 occurrences; %2 skipped (already tagged or crossing a span).</source>
        <translation>已标注 %1 处；跳过 %2 处（已有标注，或会与标注交叉）。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="320"/>
        <source>Word snapping: off (W)</source>
        <translation>按词对齐：关（W）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="322"/>
        <source>Word snapping: loading jieba…</source>
        <translation>按词对齐：正在加载结巴分词词典…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="324"/>
        <source>Word snapping: on (W)</source>
        <translation>按词对齐：开（W）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="340"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="342"/>
        <source>%1 hits</source>
        <translation>找到 %1 处</translation>
    </message>
</context>
<context>
    <name>ProjectSearchDialog</name>
    <message>
        <location filename="../../gui/project_search.py" line="126"/>
        <source>Find in all documents</source>
        <translation>在所有文档中查找</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="129"/>
        <source>Text to find in every document</source>
        <translation>要在所有文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="174"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="204"/>
        <source>Not found in any document</source>
        <translation>所有文档中都没有找到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_search.py" line="205"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_search.py" line="206"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="208"/>
        <source>%1 in %2 (the first %3 are shown: make the text longer to narrow the search)</source>
        <translation>在 %2中找到 %1（只显示前 %3 处：输入更长的文字可缩小范围）</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="210"/>
        <source>%1 in %2</source>
        <translation>在 %2中找到 %1</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../../gui/project_search.py" line="62"/>
        <source>%1, characters %2 to %3</source>
        <translation>%1，第 %2 至 %3 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="69"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="69"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="69"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="69"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../gui/span_table.py" line="110"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="110"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="110"/>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="110"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="112"/>
        <source>Offset in characters from the start of the document</source>
        <translation>从文档开头算起的字符位置（从 0 开始）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>Mark done and open the next</source>
        <translation>标记为完成并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>Next unfinished document</source>
        <translation>下一篇未完成的文档</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="51"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="53"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="61"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="62"/>
        <source>Find in all documents…</source>
        <translation>在所有文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="65"/>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="67"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="72"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73"/>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="74"/>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="76"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="77"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="78"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="79"/>
        <source>Word snapping</source>
        <translation>按词对齐</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="80"/>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="85"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有相同文字…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="88"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="89"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="91"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
</TS>
