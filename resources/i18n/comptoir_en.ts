<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <source>Back to the start in %n second(s).</source>
        <translation>
            <numerusform>Back to the start in %n second.</numerusform>
            <numerusform>Back to the start in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockWarning</name>
    <message numerus="yes">
        <source>Locked in %n second(s).</source>
        <translation>
            <numerusform>Locked in %n second.</numerusform>
            <numerusform>Locked in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintBadge</name>
    <message numerus="yes">
        <source>⚠ %n print(s)
failed</source>
        <translation>
            <numerusform>⚠ %n print
failed</numerusform>
            <numerusform>⚠ %n prints
failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
</context>
</TS>
