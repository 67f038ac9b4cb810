"""newscrawl records beside other ecosystems' items (zyte-common-items, web-poet)."""
