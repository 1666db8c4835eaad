"""Beyond Syria: the fields that depend on which country and war an article
is about, on real sentences from news of many countries.

Five tables, each row naming the one field it checks:

- SOURCES: the ``source`` of a figure (compared as the scorer compares it,
  ``wartally.eval.names.same_source``: the GUIDE's lenient rule, a source
  holding most of gold's words counts);
- ACTORS: every expected actor is among the figure's ``actor``;
- SIDES: the ``side`` of combatant victims;
- PERIODS: "since the war began" and other war-wide totals resolved to the
  right war's start for the publication date, both on a figure's period and
  through ``world.war_start`` of the article's country;
- COUNTRIES: ``world.article_country`` of a real headline and lead.

Every sentence is copied from ../shared/corpus/world-dev.jsonl (article id
in the row) or ../shared/corpus/wiki-incidents.jsonl (Wikipedia's yearly
lists of terrorist incidents, CC BY-SA 4.0; id in the row);
tests/test_shared_copies.py checks it still is when ../shared is present,
and the tests here run without it.  Expected
values follow ../shared/gold/GUIDE.md "Beyond Syria" and, for world-dev
sentences, ../shared/gold/world-dev.gold.jsonl; they were not read off the
extractor.  Rows it gets wrong today are ``xfail(strict=True)`` with what
goes wrong, so a fix shows as an XPASS to turn into a plain row.

A row's text is read on its own (with the article's headline as ``title``,
which the extractor uses to tell the article's country): where gold's value
comes from another sentence of the article, the row holds both sentences.
"""
from __future__ import annotations

import datetime as dt

import pytest

import wartally
from wartally.eval import names
from wartally.extract import world


K, I, DP = "killed", "injured", "displaced"


def _row(id, cc, text, want, *, fig=None, published=None, title=None, xfail=None, tolerance=0):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(cc, text, published, title, fig, want, tolerance, id=f"{cc}-{id}", marks=marks)


def S(id, cc, text, fig, source, **kw):
    """A figure ``fig`` = (outcome, n, victims) of ``text`` and its expected source."""
    return _row(id, cc, text, source, fig=fig, **kw)


def A(id, cc, text, fig, actors, **kw):
    """... and the actors it must name (all of them; others may be named too)."""
    return _row(id, cc, text, tuple(actors), fig=fig, **kw)


def D(id, cc, text, fig, side, **kw):
    """... and the side of its combatant victims."""
    return _row(id, cc, text, side, fig=fig, **kw)


def P(id, cc, text, fig, start, end=None, *, tolerance=0, **kw):
    """... and the period it covers: ``start`` (and ``end``) within ``tolerance`` days."""
    return _row(id, cc, text, (start, end), fig=fig, tolerance=tolerance, **kw)


def W(id, cc, text, published, start, *, title=None, xfail=None):
    """A headline and lead, and the day "since the war began" means in news
    of it on its publication date (world.war_start of world.article_country)."""
    return _row(id, cc, text, start, published=published, title=title, xfail=xfail)


def C(id, published, title, lead, cc, *, xfail=None):
    """A headline and lead, and the country the article is about."""
    return _row(id, cc, lead, cc, published=published, title=title, xfail=xfail)

SOURCES = [
    # the unnamed official of the lead is the one the next sentence names by role (CD)
    S("world-020-the-official-named-next", "CD", "At least eight civilians were killed in the latest attack blamed on the Allied Democratic Forces (ADF) in the Democratic Republic of the Congo’s northeastern Beni territory, a local official said Saturday.\n\nThe overnight attack took place in several villages in the Ruwenzori sector, including Bulongo, Kazarahoyo, and Kidungu, in North Kivu province, according to Willy Malikidogo, chief of Kilya locality.",
      (K, 8, "civilians"), "Kilya locality chief", published="2021-10-30", title="Rebels kill 8 civilians in Democratic Republic of Congo"),
    # "killing one occupant and injuring another, according to Hezbollah's Al-Manar TV" (LB)
    S("world-008-injuring-another", "LB", "A passing vegetable truck was also struck, killing one occupant and injuring another, according to Hezbollah’s Al-Manar TV.",
      (I, 1, "people"), "Al-Manar", published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    # a figure inside a quotation is the words of whoever the quotation ends with (ML)
    S("world-028-inside-the-quotation", "ML", "Other officials in the area told Reuters they believed the attacks were carried out by jihadists, who often say they are defending Fulani herders against rival Dogon farmers.\n“Quite a lot of armed men attacked the village (of Gouari), firing at people. Fifteen bodies were buried this morning. There are also wounded,” a local official said by phone earlier on Thursday, requesting anonymity for security reasons.",
      (K, 15, "people"), "local official", published="2020-07-02", title="Attackers on motorbikes kill 32 Malian villagers"),
    # the wire's credit in the dateline wrote the story; who said it comes after (MM)
    S("world-034-the-byline-is-no-source", "MM", "BANGKOK (AP) — Myanmar’s military has been accused of launching an airstrike on a camp for displaced persons in the northern state of Kachin that killed about 30 people, including about a dozen children, Kachin militants and activists and local media said Tuesday.\n\nMyanmar has been in turmoil since the military overthrew the elected government of Aung San Suu Kyi in February 2021, triggering widespread popular opposition. After peaceful demonstrations were put down with lethal force, many opponents of military rule took up arms, and large parts of the country are now embroiled in conflict.\n\nCol. Naw Bu, a spokesperson for the Kachin Independence Army, said 29 people including 11 children under the age of 16 were killed and 57 others injured in the attacks carried out by air and artillery late Monday. The casualties occurred at the Mung Lai Hkyet displacement camp in the northern part of Laiza, a town where the headquarters of the rebel KIA is based, about 324 kilometers (200 miles) northeast of Mandalay, Myanmar’s second-biggest city.",
      (K, 30, "people"), "Kachin militants and activists", published="2023-10-10", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    # a document is the source, not the agency it was "seen by" (BF)
    S("world-026-a-report-seen-by", "BF", "Within a 72-hour period last week nearly 60 people, including civilians and security forces, were killed in violence targeting villages in four regions across the country, according to an internal security report for aid workers seen by The Associated Press.",
      (K, 60, "people"), "internal security report for aid workers", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    # a quote's figure is its speaker's, named by office earlier in the article
    S("world-015-officer-of-a-body", "SD", "WHO Director-General Tedros Adhanom Ghebreyesus posted the death toll in the hospital attack in El Fasher on the social platform X. Officials and others in the capital of North Darfur province had cited a similar figure Saturday, but Ghebreyesus is the first international source to provide a casualty number. Reporting on Sudan is incredibly difficult given communication challenges, the indiscriminate violence faced by civilians and exaggerations by both the RSF and the Sudanese military. “The appalling attack on Saudi Hospital in El Fasher, Sudan, led to 19 injuries and 70 deaths among patients and companions,” Ghebreyesus wrote.",
      (K, 70, "people"), "UN", published="2025-01-26"),
    S("world-008-noting-that", "LB", "Earlier this month, U.N. human rights chief Volker Türk urged renewed efforts to end hostilities in Lebanon, noting that 103 civilians have died since the ceasefire until the end of September.",
      (K, 103, "civilians"), "UN", published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    # the headline's ministry is more precise than the lead's "officials" for the same toll
    S("world-007-ministry-over-officials", "LB", "Israeli strike in Lebanon kills 10, health ministry says\nAn Israeli air strike in southern Lebanon has killed 10 people, Lebanese officials say, in one of the deadliest attacks in the current violence along the Lebanon-Israel border.",
      (K, 10, "people"), "Lebanon Health Ministry", published="2024-08-17", title="Israeli strike in Lebanon kills 10, health ministry says"),
    S("world-001-the-governor", "UA", "Russia fired three missiles at Ukraine's southern Zaporizhzhia region on Wednesday morning, killing one person and injuring at least seven others, the governor said.",
      (K, 1, "people"), "Zaporizhzhia regional governor", published="2023-11-15", title="One killed, seven injured in Russian strikes on Zaporizhzhia region - governor"),
    S("world-003-the-regional-governor", "RU", "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.",
      (K, 3, "people"), "Belgorod regional governor", published="2023-10-12", title="Downed drone kills three in Russia, including child: governor"),
    S("world-004-ministry-of-defense", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.",
      (K, 1, "combatants"), "Azerbaijan defence ministry", published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    S("world-005-palestinian-health-ministry", "PS", "An Israeli air strike killed seven Palestinian civilians on Thursday, including five children, in the largest death toll from a single attack since the start of a three-day offensive against Hamas militants in Gaza, the Palestinian Health Ministry said.",
      (K, 7, "civilians"), "Palestinian Health Ministry", published="2014-07-10", title="5 Children in Gaza Family Killed by Israeli Strike"),
    S("world-006-emergency-service-officials", "PS", "Ten people, including six children, have been killed in an Israeli air strike while waiting to fill water containers in central Gaza yesterday, emergency service officials said.",
      (K, 10, "people"), "emergency service officials", published="2025-07-14", title="Gaza Officials: Children Killed In Strike As Israeli Military Admits ‘Error’"),
    S("world-008-the-health-ministry", "LB", "Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring seven, while temporarily blocking a key highway connecting Beirut to southern regions, the Health Ministry reported.",
      (K, 1, "people"), "Lebanon Health Ministry", published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    S("world-007-idf-said", "LB", "There were no casualties as a result of the first attack, while two Israeli soldiers were injured in the second, the Israel Defense Forces (IDF) said.",
      (I, 2, "combatants"), "Israel Defense Forces", published="2024-08-17", title="Israeli strike in Lebanon kills 10, health ministry says"),
    S("world-009-the-observatory", "SY", "Another 15 government forces were killed in Israeli strikes, the Observatory said.",
      (K, 15, "combatants"), "SOHR", published="2025-07-20", title="South Syria violence death toll tops 1,000: monitor"),
    S("world-010-the-iraq-military", "IQ", "In northwestern Iraq today, multiple suicide bombers used trucks loaded with explosives to kill at least 175 people, and injure another 200, the Iraq military said.",
      (K, 175, "people"), "Iraqi military", published="2007-08-14", title="At least 175 killed, 200 injured in northwestern Iraq"),
    S("world-011-residents-said", "YE", "Rockets fired by Houthi militiamen killed 14 civilians, most of them children, as fighting intensified for control of Yemen’s third largest city, Taiz, residents said on Monday.",
      (K, 14, "civilians"), "local residents", published="2015-08-24", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    S("world-011-msf", "YE", "Coalition warplanes on Friday killed 65 people in Taiz, most of them civilians, aid group Medecins Sans Frontieres said.",
      (K, 65, "people"), "Medecins Sans Frontieres", published="2015-08-24", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    S("world-012-gna-health-ministry", "LY", "TRIPOLI – The death toll from weeks of fighting between armed groups in Libya’s capital, Tripoli, has climbed to at least 96 people, most of whom are civilians, the proposed Government of National Accord’s Health Ministry said Friday.",
      (K, 96, "people"), "GNA Health Ministry", published="2018-09-21", title="Death toll from Tripoli clashes climbs to 96, many are injured, displaced and missing"),
    S("world-015-who-chief", "SD", "DUBAI, United Arab Emirates — Some 70 people were killed in an attack on the only functional hospital in the besieged city of El Fasher in Sudan, the chief of the World Health Organization said Sunday, part of a series of attacks coming as the African nation's civil war escalated in recent days.",
      (K, 70, "people"), "UN", published="2025-01-26"),
    S("world-016-state-minister-of-information", "SS", "Over ten people have died from communal clashes in Bor South County last evening, according to Jonglei State Minister of Information.",
      (K, 10, "people"), "Jonglei State Minister of Information", published="2017-12-23"),
    S("world-017-counted-230-bodies", "ET", "One of the survivors who identified himself to The Associated Press as Abdul-Seid Tahir, who is said to be a resident of the Gimbi area where the incident took place, is quoted as saying “I have counted 230 bodies. I am afraid this is the deadliest attack against civilians we have seen in our lifetime. ”",
      (K, 230, "people"), "witnesses", published="2022-06-19", title="Gimbi, Ethiopia: Over 200 massacred in Oromo region of Ethiopia",
      xfail="source 'outlet': a survivor 'is quoted as saying' is not read as an attribution (gold: witnesses)"),
    S("world-018-somali-police", "SO", "A suicide bomber killed at least three people and injured two others yesterday after detonating an explosive near the mayoral offices in Somalia’s capital, Mogadishu, police and witnesses said.\nThe attacker detonated the device in front of a restaurant, Somali police said in a statement.",
      (K, 3, "people"), "Somali police", published="2024-01-17", title="Three dead in Somalia suicide bombing"),
    S("world-019-county-police-commander", "KE", "Garissa County police commander Thomas Ngeiywa said Thursday the two victims were among six people on board a police vehicle that struck an improvised explosive device in the Hayley Lapsset [refugee?] camp.\n\nNgeiywa told VOA by phone that three other police officers wounded in the Wednesday morning explosion have since been airlifted to Nairobi for treatment.",
      (I, 3, "people"), "Garissa County police commander", published="2022-12-22", title="Al-Shabab terrorists kill police officer and civilian in eastern Kenya"),
    S("world-020-kivu-security-tracker", "CD", "Some 944 civilians have been killed in North Kivu and Ituri since the state of siege was declared, according to Kivu Security Tracker, a monitor focused on violence in the eastern Democratic Republic of the Congo.",
      (K, 944, "civilians"), "Kivu Security Tracker", published="2021-10-30", title="Rebels kill 8 civilians in Democratic Republic of Congo"),
    S("world-022-iom", "MZ", "In just over two weeks, over 58,000 people have been displaced in Cabo Delgado, northern Mozambique, due to a new wave of terrorist attacks, according to the International Organization for Migration (IOM).",
      (DP, 58_000, "people"), "UN", published="2024-02-27", title="Mozambique: Recent attacks in Cabo Delgado force nearly 60K people to flee their homes"),
    S("world-024-state-police-command", "NG", "No fewer than five villagers in Barkin Ladi local government area of Plateau state, northern Nigeria, have been killed by unknown gunmen in a late-night ambush, the police have said.\n\nSpokesman of the Plateau State Police Command, Mathias Tyopev, said the incident happened on Wednesday at Pugu village.",
      (K, 5, "civilians"), "Plateau State Police Command", published="2018-12-27", title="Police confirm death of five persons in fresh Plateau attack"),
    S("world-025-governorate-of-tahoua", "NE", "“Our men were ambushed by armed bandits in the Tillia County. This cowardly attack resulted in the death of 16 soldiers, while another six were wounded and one missing,” Ibrahim Miko, the secretary general of the governorate of Tahoua announced on public TV.",
      (K, 16, "combatants"), "Tahoua governorate", published="2021-05-03", title="Niger: 16 soldiers killed in ambush"),
    S("world-026-the-government-said", "BF", "OUAGADOUGOU, Burkina Faso (AP) — Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern Burkina Faso, the government said.",
      (K, 11, "combatants"), "Burkina Faso government", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    S("world-026-burkina-faso-army", "BF", "Injured soldiers have been taken to hospital and aerial support killed 15 attackers trying to flee after Thursday's attack in Madjoari in Kompienga province, Burkina Faso's army said in a statement.",
      (K, 15, "combatants"), "Burkina Faso army", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    S("world-027-bankass-mayor", "ML", "About 30 people were killed in attacks on two villages in central Mali over the weekend, the rural commune’s mayor said on Monday.\nHe did not say who was responsible. The West African country is home to militant groups linked to al Qaeda and Islamic State that wage frequent attacks on the army and civilians.\nThe attacks started on Saturday in the villages of Ogota and Oimbe in Bankass circle, in the Mopti region, Bankass Mayor Moulaye Guindo said in a phone interview.",
      (K, 30, "people"), "Bankass mayor", published="2024-01-29"),
    S("world-028-acled", "ML", "The Armed Conflict Location & Event Data Project (ACLED), a consultancy that tracks political violence, says it recorded nearly 300 civilian fatalities in Mali in the first three months of 2020, a 90 percent increase over the previous quarter.",
      (K, 300, "civilians"), "ACLED", published="2020-07-02", title="Attackers on motorbikes kill 32 Malian villagers"),
    S("world-029-the-government-said", "CM", "Separatist fighters in Cameroon killed six people in a raid on an army post in the troubled English-speaking Northwest province, the government said Saturday.",
      (K, 6, "people"), "Cameroon government", published="2021-01-10", title="Cameroon separatists kill six at army post"),
    # a person introduced by role and named again by surname; a source cited in brackets; a placed role
    # outranks a generic one for the same figure restated (RU, SD, ML)
    S("world-003-according-to-gladkov", "RU", "Air defense systems \"shot down an aircraft-type UAV [unmanned aerial vehicle] approaching the city\", said Governor Vyacheslav Gladkov, adding that the falling debris destroyed several homes.\n\"Most importantly, three people were killed, one of them a small child,\" he said in a post on the Telegram messaging app, accompanied by pictures of a house reduced to a pile of rubble behind.\n\"A difficult morning for all of us,\" the governor said, offering his condolences to the loved ones of those killed.\n\"We are all grieving.\"\nEarlier, Gladkov had said that the bodies of a man and a woman had been discovered in the destroyed home, while another man and woman injured in the incident were brought to the hospital.\nThe man was in a coma and had suffered significant burns, while the woman had a concussion and a fractured leg, he said, adding that doctors had assessed the woman's condition as \"serious.\"\nIn all, Gladkov said that \"two residential buildings were [completely] destroyed and several residential buildings and cars were damaged.\"\nEarly Thursday, the Russian Defense Ministry said on Telegram that an attempted Ukrainian drone attack in the Belgorod region had been \"thwarted\" at around 11:50 pm Wednesday.\nIt made no mention of casualties.\nSince Ukraine launched its counteroffensive in June, Russia has weathered waves of drone attacks, especially in its border regions.\nOn Tuesday, Ukrainian shelling killed two civilians in the Belgorod region, according to Gladkov.",
      (K, 2, "civilians"), "Belgorod regional governor", published="2023-10-12", title="Downed drone kills three in Russia, including child: governor"),
    S("world-014-cited-in-brackets", "SD", "• At least 200 people dead and 300 injured following inter-communal clashes last week in Ag Geneina, West Darfur and Gereida, South Darfur (source: State Ministry of Health and HAC).",
      (K, 200, "people"), "State Ministry of Health", published="2021-01-26", title="Sudan: Flash Update #4 - Conflict in West Darfur and South Darfur (26 Jan 2021)"),
    S("world-028-the-mayor-of-bankass", "ML", "At least 32 civilians were killed in central Mali when unidentified armed men on motorbikes attacked ethnic Dogon farming villages on Wednesday, local authorities said.\nThe attackers targeted four villages in Mopti region, which has seen dozens of tit-for-tat ethnic massacres as well as jihadist raids over the past few years.\nMoulaye Guindo, the mayor of the commune of Bankass, released a list of victims on Thursday that put the death toll at 32.",
      (K, 32, "civilians"), "Bankass mayor", published="2020-07-02", title="Attackers on motorbikes kill 32 Malian villagers"),
    # a capital for its government ("according to Baku"); "the Armenian side announced" (AZ)
    S("world-004-according-to-baku", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.\nAccording to the statement of the Ministry of Defense of Azerbaijan, an exchange of fire with the Armenian forces resulted in the death of the soldier.\nThe Azerbaijani Ministry of Defense also accused the Armenian forces of opening fire on his country’s forces.\nThey said, “As a result of another provocation of the enemy in the direction of Tovuz on the Armenian-Azerbaijani border, Sergeant of the Azerbaijani army, Mammadov, Ilshan Alioglu was killed.”\nThe Azerbaijani Ministry of Defense held “Armenia’s military and political leadership fully responsible for the aggravation of the situation on the front.”\nPrior to this exchange, the Azerbaijani Minister of Defense said that “last night, another tactical drone of the Armenian Armed Forces was shot down.”\nA military clash began on the Armenian-Azerbaijani border on July 12, and continued for several days in the neighboring regions of Tovuz and Tavush, also bordering Georgia, and located hundreds of kilometers from Nagorno-Karabakh.\nLater, the Azerbaijani Ministry of Defense reported that the danger had reached the line of contact.\nAzerbaijan and Armenia exchanged accusations for violating the armistice, and according to Baku, 12 Azerbaijani soldiers, including a general, were previously killed as a result of the clashes on the borders.\nIn turn, the Armenian side announced the killing of six soldiers and the wounding of nine soldiers and one civilian.",
      (K, 12, "combatants"), "Azerbaijan government", published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    S("world-004-the-armenian-side", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.\nAccording to the statement of the Ministry of Defense of Azerbaijan, an exchange of fire with the Armenian forces resulted in the death of the soldier.\nThe Azerbaijani Ministry of Defense also accused the Armenian forces of opening fire on his country’s forces.\nThey said, “As a result of another provocation of the enemy in the direction of Tovuz on the Armenian-Azerbaijani border, Sergeant of the Azerbaijani army, Mammadov, Ilshan Alioglu was killed.”\nThe Azerbaijani Ministry of Defense held “Armenia’s military and political leadership fully responsible for the aggravation of the situation on the front.”\nPrior to this exchange, the Azerbaijani Minister of Defense said that “last night, another tactical drone of the Armenian Armed Forces was shot down.”\nA military clash began on the Armenian-Azerbaijani border on July 12, and continued for several days in the neighboring regions of Tovuz and Tavush, also bordering Georgia, and located hundreds of kilometers from Nagorno-Karabakh.\nLater, the Azerbaijani Ministry of Defense reported that the danger had reached the line of contact.\nAzerbaijan and Armenia exchanged accusations for violating the armistice, and according to Baku, 12 Azerbaijani soldiers, including a general, were previously killed as a result of the clashes on the borders.\nIn turn, the Armenian side announced the killing of six soldiers and the wounding of nine soldiers and one civilian.",
      (K, 6, "combatants"), "Armenian side", published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    # a role in apposition after "according to <name>," (CD)
    S("world-020-chief-of-kilya-locality", "CD", "The overnight attack took place in several villages in the Ruwenzori sector, including Bulongo, Kazarahoyo, and Kidungu, in North Kivu province, according to Willy Malikidogo, chief of Kilya locality.\n\nAt Kazarahoyo, the attackers killed five civilians while in Bulongo, two people were killed, all men, he told reporters.",
      (K, 5, "civilians"), "Kilya locality chief", published="2021-10-30", title="Rebels kill 8 civilians in Democratic Republic of Congo"),
    # a sentence that opens another incident ("Earlier, ...") takes the source its own paragraph gives (AF)
    S("world-030-earlier-ghazni", "AF", "An Afghan security official says a suicide bomber on a motorcycle killed 10 policemen, including the head of the provincial counterterrorism department and the traffic police chief, in northern Kunduz province. It was one of two bombings reported in the country on Saturday.\n\nEarlier, a remote-controlled bomb planted on a bicycle exploded, killing one police officer and one civilian in the eastern city of Ghazni. Ghazni provincial police chief, Gen. Zirawer Zahid, says another five people were wounded",
      (K, 1, "civilians"), "Ghazni provincial police chief", published="2013-01-26", title="Suicide bomber on motorcycle kills 2 police officials in northern Afghanistan"),
    S("world-030-afghan-security-official", "AF", "An Afghan security official says a suicide bomber on a motorcycle killed 10 policemen, including the head of the provincial counterterrorism department and the traffic police chief, in northern Kunduz province.",
      (K, 10, "people"), "Afghan security official", published="2013-01-26", title="Suicide bomber on motorcycle kills 2 police officials in northern Afghanistan"),
    S("world-030-provincial-police-chief", "AF", "Ghazni provincial police chief, Gen. Zirawer Zahid, says another five people were wounded",
      (I, 5, "people"), "Ghazni provincial police chief", published="2013-01-26", title="Suicide bomber on motorcycle kills 2 police officials in northern Afghanistan"),
    S("world-031-area-police-chief", "PK", "The attack came hours after the Pakistani Taliban fatally shot two police officers and wounded two others in an overnight gun attack at a roadside checkpoint in the city of Peshawar.\n\nThe gun attack took place in Regi Model Town, area police chief Arshad Khan said.",
      (K, 2, "people"), "Peshawar area police chief", published="2023-07-27", title="Four officers killed as suicide bombers attack Pakistan police"),
    S("world-032-according-to-officials", "IN", "Over 24,000 people have been displaced and are currently in shelter camps across the state, according to officials.",
      (DP, 24_000, "people"), "officials", published="2023-05-08", title="Toll due to violence in Manipur rises to 62"),
    S("world-032-reported-from-institute", "IN", "Sixteen fatalities have been reported from the Jawaharlal Nehru Institute of Medical Sciences.",
      (K, 16, "people"), "Jawaharlal Nehru Institute of Medical Sciences", published="2023-05-08", title="Toll due to violence in Manipur rises to 62"),
    S("world-034-kachin-independence-army", "MM", "Col. Naw Bu, a spokesperson for the Kachin Independence Army, said 29 people including 11 children under the age of 16 were killed and 57 others injured in the attacks carried out by air and artillery late Monday.",
      (K, 29, "people"), "Kachin Independence Army", published="2023-10-10", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    S("world-035-saiburi-police", "TH", "\"Five rangers are dead, including the commander who was intially severely wounded,\" Sergeant Montri Prommee of Saiburi police told AFP, updating the death toll from four and adding the explosive device was buried in the road.",
      (K, 5, "combatants"), "Saiburi police", published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    S("world-036-a-doctor-said", "LK", "Meanwhile, Western media reported that a doctor working in the area said that 378 people were killed and 1,122 injured.",
      (I, 1122, "people"), "doctor", published="2009-05-10", title="Sri Lanka - interview with army spokesperson"),
    S("world-036-tamilnet", "LK", "A statement posted on the pro-rebel website, Tamilnet, on Sunday claimed that an assault by the Sri Lankan army, “slaughtered more than 2,000 civilians including a large number of women and children,” according to medical sources in Vanni.",
      (K, 2000, "civilians"), "Tamilnet", published="2009-05-10", title="Sri Lanka - interview with army spokesperson",
      xfail="no figure: 'slaughtered more than 2,000 civilians' (in quotes) is not read as killed"),
    S("world-037-the-military-said", "PH", "Since the government offensive began Friday, the bodies of at least 16 Abu Sayyaf members, including alleged sub-commanders, have been recovered in Sulu, the military said.",
      (K, 16, "combatants"), "Philippine military", published="2016-08-30", title="15 Philippine soldiers killed, two beheaded, in clashes with Abu Sayyaf"),
    S("world-038-the-army-said", "CO", "BOGOTA, Nov 22 (NNN-AGENCIES) — Colombia’s ELN guerrilla group has killed four soldiers in an attack with explosives in a rural part of the country’s northwest, the army said, in the latest blow to peace efforts.",
      (K, 4, "combatants"), "Colombian army", published="2024-11-22"),
    S("world-038-nrc", "CO", "The Norwegian Refugee Council (NRC), a humanitarian organization, said Thursday that at least 1.5 million people have been displaced in Colombia since the deal with the FARC in 2016.",
      (DP, 1_500_000, "people"), "Norwegian Refugee Council", published="2024-11-22"),
    S("world-039-state-security-ministry", "MX", "The Michoacan state security ministry also reported that three more officers suffered injuries in the attack, while prosecutors said 20 had been injured.",
      (I, 3, "people"), "Michoacan state security ministry", published="2019-10-15", title="Thirteen police killed in Mexico cartel ambush"),
    S("world-040-iom", "HT", "Geneva/Port-au-Prince – More than 165,000 people are internally displaced in Haiti due to gang violence, hindering aid efforts by the International Organization for Migration (IOM).",
      (DP, 165_000, "people"), "UN", published="2023-06-08", title="Gang Violence Displaces 165,000 in Haiti, Hinders Aid Efforts"),
]

ACTORS = [
    # a group's own TV speaks, it does not attack ("according to Hezbollah's Al-Manar TV"): the wounded of
    # the Israeli strikes are Israel's (LB)
    A("world-008-hezbollahs-tv-speaks", "LB", "Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring seven, while temporarily blocking a key highway connecting Beirut to southern regions, the Health Ministry reported.\nThe pre-dawn strikes targeted the village of Msayleh, hitting a heavy machinery business and destroying numerous vehicles. A passing vegetable truck was also struck, killing one occupant and injuring another, according to Hezbollah’s Al-Manar TV.\nThe Health Ministry confirmed the deceased was a Syrian citizen, while the injured included another Syrian and six Lebanese, among them two women.",
      (I, 6, "people"), ["Israel"], published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    # the killers' signature left at the scene names them (MX)
    A("world-039-signed-posters", "MX", "Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, according to local authorities in the violent western state.\n\nFive police vehicles were traveling through the municipality of Aguililla in the early morning when they were ambushed by more than 30 armed individuals, according to a statement from the Michoacan state prosecutor.\nThe attackers, in five \"presumably armored\" vehicles, opened fire with high caliber weapons, said the prosecutor, Adrián López Solís.\nSecurity forces dispatched to the scene found officers slain and injured with bullet wounds, their vehicles shot up and two of them on fire, the statement said.\nImages published on social media showed posters left on police vehicles signed \"CJNG\" -- the initials of the Jalisco New Generation Cartel.",
      (K, 13, "people"), ["CJNG"], published="2019-10-15", title="Thirteen police killed in Mexico cartel ambush"),
    # whose weapon it was, the article says once ("an attempted Ukrainian drone attack"), for the toll
    # and for the bodies found the same day (RU)
    A("world-003-whose-drone", "RU", "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.\nAir defense systems \"shot down an aircraft-type UAV [unmanned aerial vehicle] approaching the city\", said Governor Vyacheslav Gladkov, adding that the falling debris destroyed several homes.\n\"Most importantly, three people were killed, one of them a small child,\" he said in a post on the Telegram messaging app, accompanied by pictures of a house reduced to a pile of rubble behind.\n\"A difficult morning for all of us,\" the governor said, offering his condolences to the loved ones of those killed.\n\"We are all grieving.\"\nEarlier, Gladkov had said that the bodies of a man and a woman had been discovered in the destroyed home, while another man and woman injured in the incident were brought to the hospital.\nThe man was in a coma and had suffered significant burns, while the woman had a concussion and a fractured leg, he said, adding that doctors had assessed the woman's condition as \"serious.\"\nIn all, Gladkov said that \"two residential buildings were [completely] destroyed and several residential buildings and cars were damaged.\"\nEarly Thursday, the Russian Defense Ministry said on Telegram that an attempted Ukrainian drone attack in the Belgorod region had been \"thwarted\" at around 11:50 pm Wednesday.",
      (K, 3, "people"), ["Ukraine"], published="2023-10-12", title="Downed drone kills three in Russia, including child: governor"),
    A("world-003-whose-drone-the-bodies", "RU", "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.\nAir defense systems \"shot down an aircraft-type UAV [unmanned aerial vehicle] approaching the city\", said Governor Vyacheslav Gladkov, adding that the falling debris destroyed several homes.\n\"Most importantly, three people were killed, one of them a small child,\" he said in a post on the Telegram messaging app, accompanied by pictures of a house reduced to a pile of rubble behind.\n\"A difficult morning for all of us,\" the governor said, offering his condolences to the loved ones of those killed.\n\"We are all grieving.\"\nEarlier, Gladkov had said that the bodies of a man and a woman had been discovered in the destroyed home, while another man and woman injured in the incident were brought to the hospital.\nThe man was in a coma and had suffered significant burns, while the woman had a concussion and a fractured leg, he said, adding that doctors had assessed the woman's condition as \"serious.\"\nIn all, Gladkov said that \"two residential buildings were [completely] destroyed and several residential buildings and cars were damaged.\"\nEarly Thursday, the Russian Defense Ministry said on Telegram that an attempted Ukrainian drone attack in the Belgorod region had been \"thwarted\" at around 11:50 pm Wednesday.",
      (K, 1, "women"), ["Ukraine"], published="2023-10-12", title="Downed drone kills three in Russia, including child: governor"),
    # a claim of "the attack" sentences later names who did it when nobody nearer is named (PK)
    A("world-031-ttp-claimed", "PK", "Two suicide bombers attacked a sprawling compound housing a police station and government offices in north-west Pakistan on Thursday, killing at least four police officers and wounding 11 other people.\n\nThe attack occurred in the Bara neighbourhood bordering Afghanistan, provincial police chief Akhtar Hayat said.\n\nRescuers said part of the compound collapsed after the bombing, burying a police officer whose body was later retrieved.\n\nThe explosive vest worn by one of the suicide bombers detonated when police opened fire after coming under attack, Mr Hayat said.\n\nA total of four officers were killed and 11 others were wounded, hospital officials said.\n\nGunshots were heard after the bombing, said Bilal Faizi, a spokesman for the provincial emergency service, and an exchange of gunfire followed. The wounded people included police officers and civilians, officials said.\n\nPrime Minister Shehbaz Sharif condemned the attack. In a statement, he praised the police officers, saying they “thwarted the evil intentions of the terrorists by stopping the suspects and risking their lives”.\n\nThe outlawed Tehreek-e-Taliban Pakistan, or Pakistani Taliban, claimed responsibility for the attack in a statement.",
      (K, 4, "people"), ["TTP"], published="2023-07-27", title="Four officers killed as suicide bombers attack Pakistan police"),
    # "the jihadists" are the one group the lead names: "The Islamic State of West African Province" is ISWAP (NG)
    A("world-023-the-jihadists-are-iswap", "NG", "The Islamic State of West African Province (ISWAP) fighters reportedly killed 15 soldiers and four militia fighters in an attack in Borno State on Thursday.\nSecurity sources told journalists on Saturday that the military convoy of 10 vehicles came under heavy attack from the jihadists near Gudumbali in the Lake Chad region on Thursday evening.\nOne of the sources said 13 people, including 10 soldiers were also injured in the attack.",
      (I, 13, "people"), ["ISWAP"], published="2021-03-13", title="ISWAP fighters reportedly kill 15 soldiers, four militia fighters in Borno attack"),
    # "terrorist attacks" are the one group the article says claimed them (MZ)
    A("world-022-is-claimed-the-attacks", "MZ", "In just over two weeks, over 58,000 people have been displaced in Cabo Delgado, northern Mozambique, due to a new wave of terrorist attacks, according to the International Organization for Migration (IOM). The attacks occurred mainly in the Chiùre and Macomia districts, leading to the displacement of 54,534 and 2,626 people, respectively, with children accounting for a significant portion (35,295). The displaced individuals sought refuge in Chiùre town and Erati in the neighboring Nampula province. The IOM recorded 11,901 families displaced by boat, bus, or on foot in the south of Cabo Delgado. The Mozambican police are actively monitoring and filtering the movement of displaced people to identify possible insurgents among them. Recent terrorist attacks in the south of Cabo Delgado have resulted in casualties, prompting at least 13,000 people to flee to Chiùre town. The Defense and Security Forces are working to maintain calm, conducting patrols to control enemy movements and restore a sense of security. The Islamic State (IS) has claimed responsibility for recent attacks, particularly in the south of Cabo Delgado, after a period of relative calm. Military responses, supported by Rwanda and the Southern African Development Community (SADC), have been ongoing for six years in the province facing IS-led attacks.",
      (DP, 13000, "people"), ["ISIS"], published="2024-02-27", title="Mozambique: Recent attacks in Cabo Delgado force nearly 60K people to flee their homes"),
    A("world-001-russia-fired", "UA", "Russia fired three missiles at Ukraine's southern Zaporizhzhia region on Wednesday morning, killing one person and injuring at least seven others, the governor said.",
      (K, 1, "people"), ["Russia"], published="2023-11-15", title="One killed, seven injured in Russian strikes on Zaporizhzhia region - governor"),
    A("world-003-ukrainian-shelling", "RU", "On Tuesday, Ukrainian shelling killed two civilians in the Belgorod region, according to Gladkov.",
      (K, 2, "civilians"), ["Ukraine"], published="2023-10-12", title="Downed drone kills three in Russia, including child: governor"),
    A("world-004-armenian-forces", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.\nAccording to the statement of the Ministry of Defense of Azerbaijan, an exchange of fire with the Armenian forces resulted in the death of the soldier.",
      (K, 1, "combatants"), ["Armenia"], published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    A("world-005-israeli-air-strike", "PS", "An Israeli air strike killed seven Palestinian civilians on Thursday, including five children, in the largest death toll from a single attack since the start of a three-day offensive against Hamas militants in Gaza, the Palestinian Health Ministry said.",
      (K, 7, "civilians"), ["Israel"], published="2014-07-10", title="5 Children in Gaza Family Killed by Israeli Strike"),
    A("world-008-israel-launched", "LB", "Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring seven, while temporarily blocking a key highway connecting Beirut to southern regions, the Health Ministry reported.",
      (I, 7, "people"), ["Israel"], published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    A("world-007-hezbollah-rockets", "LB", "In response Hezbollah, the Iranian-backed militia and political Lebanese group, fired a barrage of rockets, targeting a kibbutz in northern Israel and another on an Israeli military post.\nThere were no casualties as a result of the first attack, while two Israeli soldiers were injured in the second, the Israel Defense Forces (IDF) said.",
      (I, 2, "combatants"), ["Hezbollah"], published="2024-08-17", title="Israeli strike in Lebanon kills 10, health ministry says"),
    A("world-009-israeli-strikes", "SY", "Another 15 government forces were killed in Israeli strikes, the Observatory said.",
      (K, 15, "combatants"), ["Israel"], published="2025-07-20", title="South Syria violence death toll tops 1,000: monitor"),
    A("world-011-houthi-militiamen", "YE", "Rockets fired by Houthi militiamen killed 14 civilians, most of them children, as fighting intensified for control of Yemen’s third largest city, Taiz, residents said on Monday.",
      (K, 14, "civilians"), ["Houthis"], published="2015-08-24", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    A("world-011-coalition-warplanes", "YE", "Coalition warplanes on Friday killed 65 people in Taiz, most of them civilians, aid group Medecins Sans Frontieres said.",
      (K, 65, "people"), ["Saudi-led coalition"], published="2015-08-24", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    A("world-015-rapid-support-forces", "SD", "DUBAI, United Arab Emirates — Some 70 people were killed in an attack on the only functional hospital in the besieged city of El Fasher in Sudan, the chief of the World Health Organization said Sunday, part of a series of attacks coming as the African nation's civil war escalated in recent days.\n\nThe attack on the Saudi Teaching Maternal Hospital, which local officials blamed on the rebel Rapid Support Forces, came as the group has seen apparent battlefield losses to the Sudanese military and allied forces under the command of army chief Gen. Abdel-Fattah Burhan.",
      (K, 70, "people"), ["RSF"], published="2025-01-26",
      xfail="no actor: 'blamed on the rebel Rapid Support Forces' in the next paragraph is not carried to the figure"),
    A("world-019-al-shabab-militants", "KE", "Police in eastern Kenya are blaming al-Shabab militants for the death of an officer and a civilian in an attack in Garissa County, on the border with Somalia.",
      (K, 1, "civilians"), ["al-Shabaab"], published="2022-12-22", title="Al-Shabab terrorists kill police officer and civilian in eastern Kenya"),
    A("world-020-blamed-on-adf", "CD", "At least eight civilians were killed in the latest attack blamed on the Allied Democratic Forces (ADF) in the Democratic Republic of the Congo’s northeastern Beni territory, a local official said Saturday.",
      (K, 8, "civilians"), ["ADF"], published="2021-10-30", title="Rebels kill 8 civilians in Democratic Republic of Congo"),
    A("world-021-nas-and-spla-io", "SS", "Over 7,000 people are displaced in Mugwo county, Yei River state, after clashes between NAS and SPLA-IO in Ondukori village on 16 November.",
      (DP, 7000, "people"), ["NAS", "SPLA-IO"], published="2018-11-20", title="Global Emergency Overview Weekly Picks, 20 November 2018"),
    A("world-022-terrorist-attacks", "MZ", "In just over two weeks, over 58,000 people have been displaced in Cabo Delgado, northern Mozambique, due to a new wave of terrorist attacks, according to the International Organization for Migration (IOM).",
      (DP, 58_000, "people"), ["opposition"], published="2024-02-27", title="Mozambique: Recent attacks in Cabo Delgado force nearly 60K people to flee their homes"),
    A("world-023-iswap-fighters", "NG", "The Islamic State of West African Province (ISWAP) fighters reportedly killed 15 soldiers and four militia fighters in an attack in Borno State on Thursday.",
      (K, 15, "combatants"), ["ISWAP"], published="2021-03-13", title="ISWAP fighters reportedly kill 15 soldiers, four militia fighters in Borno attack"),
    A("wiki-2020-042-boko-haram", "CM", "Boko Haram militants attacked an IDP camp with a grenade in the Far North Region of Cameroon, killing 18 people and wounding 7 others.",
      (K, 18, "people"), ["Boko Haram"], title="Explosion in Cameroon"),
    A("world-029-separatist-fighters", "CM", "Separatist fighters in Cameroon killed six people in a raid on an army post in the troubled English-speaking Northwest province, the government said Saturday.",
      (K, 6, "people"), ["opposition"], published="2021-01-10", title="Cameroon separatists kill six at army post"),
    A("world-026-by-jihadis", "BF", "OUAGADOUGOU, Burkina Faso (AP) — Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern Burkina Faso, the government said.",
      (K, 11, "combatants"), ["opposition"], published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    A("world-026-aerial-support", "BF", "Injured soldiers have been taken to hospital and aerial support killed 15 attackers trying to flee after Thursday's attack in Madjoari in Kompienga province, Burkina Faso's army said in a statement.",
      (K, 15, "combatants"), ["Burkina Faso government"], published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    A("wiki-2021-016-unknown-militants", "ML", "A bus carrying civilians was attacked by unknown militants, killing 31 and injuring 17.",
      (K, 31, "people"), ["opposition"], title="Assault in Mali"),
    A("wiki-2020-049-jnim-claimed", "ML", "25 Malian soldiers were killed and 6 became injured when gunmen on motorbikes attacked their military base. The soldiers killed 12 attackers. Jama'at Nasr al Islam wal Muslimin claimed responsibility for the attack.",
      (K, 25, "combatants"), ["JNIM"], title="Assault in Mali",
      xfail="actor 'Mali government' (the victims' own 'Malian soldiers'); 'Jama'at Nasr al Islam wal Muslimin' (no 'Nusrat', no hyphens) is not matched, nor a claim in a later sentence used"),
    A("wiki-2020-041-isgs", "NE", "Islamic State in the Greater Sahara militants ambushed a group of young aid workers from France. They killed 5 French workers, as well as 2 Nigerien civilians, 1 of whom was the president of the Safari park where the shooting happened.",
      (K, 2, "civilians"), ["ISIS"], title="Assault in Niger"),
    A("wiki-2019-101-taliban-attacked", "AF", "A defense ministry official stated that 126 security personnel were killed and around 70 others were injured, when the Taliban attacked a military checkpoint in Maidan Shar.",
      (K, 126, "combatants"), ["Taliban"], title="Assault in Afghanistan"),
    A("world-031-pakistani-taliban", "PK", "The attack came hours after the Pakistani Taliban fatally shot two police officers and wounded two others in an overnight gun attack at a roadside checkpoint in the city of Peshawar.",
      (K, 2, "people"), ["TTP"], published="2023-07-27", title="Four officers killed as suicide bombers attack Pakistan police"),
    A("wiki-2022-003-bla-claimed", "PK", "A female suicide bomber struck a van near the University of Karachi's Confucius Institute, killing three Chinese citizens and their Pakistani driver. The Balochistan Liberation Army claimed responsibility for the attack.",
      (K, 3, "civilians"), ["BLA"], title="Explosion in Pakistan"),
    A("world-033-encounter-with-militants", "IN", "SRINAGAR: Two soldiers were killed and two others injured in an encounter with militants in the mountainous Kishtwar district of Jammu and Kashmir.",
      (K, 2, "combatants"), ["opposition"], published="2024-09-13", title="Two soldiers killed, two injured in encounter in J&K's Kishtwar"),
    A("world-034-myanmars-military", "MM", "BANGKOK (AP) — Myanmar’s military has been accused of launching an airstrike on a camp for displaced persons in the northern state of Kachin that killed about 30 people, including about a dozen children, Kachin militants and activists and local media said Tuesday.",
      (K, 30, "people"), ["Myanmar government"], published="2023-10-10", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    A("world-035-suspected-rebels", "TH", "BANGKOK: Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.",
      (K, 5, "combatants"), ["opposition"], published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    A("world-036-the-ltte-fired", "LK", "“At the same time, yesterday when 312 people tried to escape, and they escaped towards the southern part of the safety zone towards the military, they [the LTTE] fired at them, 9 civilians got killed, and 19 injured,” he added.",
      (K, 9, "civilians"), ["LTTE"], published="2009-05-10", title="Sri Lanka - interview with army spokesperson"),
    A("world-037-abu-sayyaf", "PH", "Fifteen Philippine Army soldiers were killed, two of them beheaded, in clashes with the Islamist insurgent group Abu Sayyaf.",
      (K, 15, "combatants"), ["Abu Sayyaf"], published="2016-08-30", title="15 Philippine soldiers killed, two beheaded, in clashes with Abu Sayyaf"),
    A("world-038-eln-guerrilla-group", "CO", "BOGOTA, Nov 22 (NNN-AGENCIES) — Colombia’s ELN guerrilla group has killed four soldiers in an attack with explosives in a rural part of the country’s northwest, the army said, in the latest blow to peace efforts.",
      (K, 4, "combatants"), ["ELN"], published="2024-11-22"),
    A("world-040-gang-violence", "HT", "Geneva/Port-au-Prince – More than 165,000 people are internally displaced in Haiti due to gang violence, hindering aid efforts by the International Organization for Migration (IOM).",
      (DP, 165_000, "people"), ["gang"], published="2023-06-08", title="Gang Violence Displaces 165,000 in Haiti, Hinders Aid Efforts"),
    A("wiki-2018-132-al-shabaab-fighters", "SO", "At least 20 people were killed and 2 dozen others wounded when fighters of the Somali group Al Shabaab attacked the compound of Somalia's interior and security ministries in the center of Mogadishu.",
      (K, 20, "people"), ["al-Shabaab"], title="Assault in Somalia"),
    A("wiki-2019-097-jaish-al-adl", "IR", "A suicide car bomb attack on a bus carrying Iranian paramilitary revolutionary guard soldiers killed 27 soldiers and injured 13 others. Jaish al Adl took responsibility for the attack, which took place somewhere in the Sistan and Baluchestan province.",
      (K, 27, "combatants"), ["Jaish al-Adl"], title="Explosion in Iran",
      xfail="actor 'Iran government' (the victims' own 'Iranian ... soldiers'); Jaish al-Adl is not in the actors lexicon"),
]

SIDES = [
    # a toll revised "from four" is its own figure (gold guide), of the same rangers as the new toll (TH)
    D("world-035-the-toll-updated-from", "TH", "BANGKOK: Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.\n\nThe mid-morning attack was a grizzly reminder that rebels in the Muslim-majority deep south have yet to curb violence against Thai security forces -- or civilians -- despite ongoing peace talks in neighbouring Malaysia.\n\nPolice said the rangers were travelling in a pick-up truck to meet Muslim community leaders in the Saiburi district of Pattani, one of Thailand's southernmost provinces hit by a near-decade long rebellion which has claimed more than 5,500 lives.\n\n\"Five rangers are dead, including the commander who was intially severely wounded,\" Sergeant Montri Prommee of Saiburi police told AFP, updating the death toll from four and adding the explosive device was buried in the road.",
      (K, 4, "combatants"), "government", published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    D("world-004-azerbaijani-soldier", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.",
      (K, 1, "combatants"), "government", published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    D("world-004-12-azerbaijani-soldiers", "AZ", "Azerbaijan and Armenia exchanged accusations for violating the armistice, and according to Baku, 12 Azerbaijani soldiers, including a general, were previously killed as a result of the clashes on the borders.",
      (K, 12, "combatants"), "government", published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    D("world-007-israeli-soldiers-in-israel", "IL", "In response Hezbollah, the Iranian-backed militia and political Lebanese group, fired a barrage of rockets, targeting a kibbutz in northern Israel and another on an Israeli military post.\nThere were no casualties as a result of the first attack, while two Israeli soldiers were injured in the second, the Israel Defense Forces (IDF) said.",
      (I, 2, "combatants"), "government", published="2024-08-17", title="Israeli strike in Lebanon kills 10, health ministry says"),
    D("world-007-hezbollah-commander", "LB", "Tensions have escalated further in recent weeks after Israel killed a senior Hezbollah commander, Fuad Shukr, in Hezbollah’s stronghold in southern Beirut.",
      (K, 1, "combatants"), "other", published="2024-08-17", title="Israeli strike in Lebanon kills 10, health ministry says"),
    D("world-009-government-forces", "SY", "Another 15 government forces were killed in Israeli strikes, the Observatory said.",
      (K, 15, "combatants"), "government", published="2025-07-20", title="South Syria violence death toll tops 1,000: monitor"),
    D("world-009-druze-fighters", "SY", "The Syrian Observatory for Human Rights said those killed since last Sunday included 336 Druze fighters and 298 civilians from the religious minority group, 194 of whom were “summarily executed by defence and interior ministry personnel”.",
      (K, 336, "combatants"), "opposition", published="2025-07-20", title="South Syria violence death toll tops 1,000: monitor",
      xfail="side None for '336 Druze fighters' (fighting government forces: opposition)"),
    D("world-023-15-soldiers", "NG", "The Islamic State of West African Province (ISWAP) fighters reportedly killed 15 soldiers and four militia fighters in an attack in Borno State on Thursday.",
      (K, 15, "combatants"), "government", published="2021-03-13", title="ISWAP fighters reportedly kill 15 soldiers, four militia fighters in Borno attack"),
    D("wiki-2020-046-20-soldiers", "NG", "At least 62 people were killed and hundreds injured in 2 attacks by ISWAP fighters in Borno State. The ISWAP fighters overran government positions in Monguno killing 20 soldiers, they burned the UN headquarters and the police station in the city.",
      (K, 20, "combatants"), "government", title="Assault in Nigeria"),
    D("world-025-nigerien-soldiers", "NE", "Sixteen Nigerien soldiers were killed and another reported missing, following an ambush on Saturday May 1 by armed men in the west of the country.",
      (K, 16, "combatants"), "government", published="2021-05-03", title="Niger: 16 soldiers killed in ambush"),
    D("wiki-2019-063-71-soldiers", "NE", "Islamic State militants, with mortars and bombs, attacked a military post killing 71 soldiers, wounding and kidnapping dozens of others.",
      (K, 71, "combatants"), "government", title="Explosion in Niger"),
    D("world-026-eleven-soldiers", "BF", "OUAGADOUGOU, Burkina Faso (AP) — Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern Burkina Faso, the government said.",
      (K, 11, "combatants"), "government", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    D("world-026-two-dozen-injured", "BF", "OUAGADOUGOU, Burkina Faso (AP) — Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern Burkina Faso, the government said.",
      (I, 24, "combatants"), "government", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    D("world-026-15-attackers", "BF", "Injured soldiers have been taken to hospital and aerial support killed 15 attackers trying to flee after Thursday's attack in Madjoari in Kompienga province, Burkina Faso's army said in a statement.",
      (K, 15, "combatants"), "opposition", published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    D("world-029-four-soldiers", "CM", "The dawn raid on Friday involved \"armed separatist groups\" and claimed the lives of four soldiers and two civilians at Matazem, said a statement from communications minister and government spokesman Rene Emmanuel Sadi.",
      (K, 4, "combatants"), "government", published="2021-01-10", title="Cameroon separatists kill six at army post"),
    D("world-033-two-soldiers-killed", "IN", "SRINAGAR: Two soldiers were killed and two others injured in an encounter with militants in the mountainous Kishtwar district of Jammu and Kashmir.",
      (K, 2, "combatants"), "government", published="2024-09-13", title="Two soldiers killed, two injured in encounter in J&K's Kishtwar"),
    D("world-033-two-others-injured", "IN", "SRINAGAR: Two soldiers were killed and two others injured in an encounter with militants in the mountainous Kishtwar district of Jammu and Kashmir.",
      (I, 2, "combatants"), "government", published="2024-09-13", title="Two soldiers killed, two injured in encounter in J&K's Kishtwar"),
    D("world-035-paramilitary-rangers", "TH", "BANGKOK: Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.",
      (K, 5, "combatants"), "government", published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    D("world-037-philippine-army-soldiers", "PH", "Fifteen Philippine Army soldiers were killed, two of them beheaded, in clashes with the Islamist insurgent group Abu Sayyaf.",
      (K, 15, "combatants"), "government", published="2016-08-30", title="15 Philippine soldiers killed, two beheaded, in clashes with Abu Sayyaf"),
    D("world-037-abu-sayyaf-members", "PH", "Since the government offensive began Friday, the bodies of at least 16 Abu Sayyaf members, including alleged sub-commanders, have been recovered in Sulu, the military said.",
      (K, 16, "combatants"), "opposition", published="2016-08-30", title="15 Philippine soldiers killed, two beheaded, in clashes with Abu Sayyaf"),
    D("world-038-four-soldiers", "CO", "BOGOTA, Nov 22 (NNN-AGENCIES) — Colombia’s ELN guerrilla group has killed four soldiers in an attack with explosives in a rural part of the country’s northwest, the army said, in the latest blow to peace efforts.",
      (K, 4, "combatants"), "government", published="2024-11-22"),
    D("world-038-three-soldiers", "CO", "The ELN and the government agreed on Nov 7 to resume peace talks that were stalled for several months after an attack on a military base that killed three soldiers and injured 28.",
      (K, 3, "combatants"), "government", published="2024-11-22"),
    D("world-038-13-guerrillas", "CO", "A ceasefire was not part of that agreement, however, and a week after the parties agreed to resume talks, the military killed 13 guerrillas in two operations.",
      (K, 13, "combatants"), "opposition", published="2024-11-22"),
    D("wiki-2020-049-malian-soldiers", "ML", "25 Malian soldiers were killed and 6 became injured when gunmen on motorbikes attacked their military base. The soldiers killed 12 attackers.",
      (K, 25, "combatants"), "government", title="Assault in Mali"),
    D("wiki-2020-049-12-attackers", "ML", "25 Malian soldiers were killed and 6 became injured when gunmen on motorbikes attacked their military base. The soldiers killed 12 attackers.",
      (K, 12, "combatants"), "opposition", title="Assault in Mali"),
    D("wiki-2018-142-french-soldiers", "ML", "One peacekeeper was killed, 15 terrorists were killed, 7 French soldiers, 7 MINUSMA peacekeepers and 2 civilians were injured in the attack.",
      (I, 7, "combatants"), "other", title="Assault in Mali"),
    D("wiki-2020-031-three-terrorists", "AF", "The gunmen came into crossfire with local security forces. Three of the terrorists were shot and killed in the combat.",
      (K, 3, "combatants"), "opposition", title="Assault in Afghanistan"),
    D("wiki-2019-101-security-personnel", "AF", "A defense ministry official stated that 126 security personnel were killed and around 70 others were injured, when the Taliban attacked a military checkpoint in Maidan Shar.",
      (K, 126, "combatants"), "government", title="Assault in Afghanistan"),
    D("wiki-2019-097-revolutionary-guard", "IR", "A suicide car bomb attack on a bus carrying Iranian paramilitary revolutionary guard soldiers killed 27 soldiers and injured 13 others.",
      (K, 27, "combatants"), "government", title="Explosion in Iran"),
    D("wiki-2018-137-one-militant", "ID", "Five police officers and 1 militant were killed and 4 others injured in a standoff between security forces and terrorists in a detention center in the Indonesian city of Depok.",
      (K, 1, "combatants"), "opposition", title="Assault in Indonesia"),
    D("wiki-2019-082-two-soldiers", "LB", "A militant attacked a security patrol in Tripoli, Lebanon, with a bomb and then opened fire killing 2 policemen and 2 soldiers.",
      (K, 2, "combatants"), "government", title="Explosion in Lebanon"),
    D("world-018-the-bomber", "SO", "Witnesses at the scene said the bomber, who was also killed, was running away from police before the blast.",
      (K, 1, "combatants"), "opposition", published="2024-01-17", title="Three dead in Somalia suicide bombing",
      xfail="no figure: 'the bomber, who was also killed' is not read as one combatant killed"),
]

# war-wide totals: the figure's period starts where the article's war does
PERIODS = [
    # "the clashes" point back to the clash the article dated (AZ)
    P("world-004-the-clashes-dated-before", "AZ", "A military clash began on the Armenian-Azerbaijani border on July 12, and continued for several days in the neighboring regions of Tovuz and Tavush, also bordering Georgia, and located hundreds of kilometers from Nagorno-Karabakh.\nLater, the Azerbaijani Ministry of Defense reported that the danger had reached the line of contact.\nAzerbaijan and Armenia exchanged accusations for violating the armistice, and according to Baku, 12 Azerbaijani soldiers, including a general, were previously killed as a result of the clashes on the borders.",
      (K, 12, "combatants"), "2020-07-12", tolerance=4, published="2020-09-21", title="Azerbaijani soldier killed in border clash with Armenian military"),
    # a hospital's toll that "has reached 14" counts from when the violence began, not over the last
    # figure's "last two days" (IN)
    P("world-032-toll-has-reached", "IN", "The toll due to the violence between the Kuki and Meitei communities in Manipur on Monday rose to 62.\n\nHowever, no major fresh violence has been reported in the state in the past two days.\n\nHealth authorities at the district hospital in Churachandpur and the Jawaharlal Nehru Institute of Medical Sciences in Imphal East district told Scroll that they had received two bodies each in the last two days.\n\nWith this, the number of deaths reported from the district hospital in Churachandpur has reached 14. Sixteen fatalities have been reported from the Jawaharlal Nehru Institute of Medical Sciences.\n\nViolence first erupted in Manipur on Wednesday after thousands participated in a protest march organised by the All Tribal Students’ Union of Manipur to oppose the demand of the majority Meitei community to be included in the Scheduled Tribe category.",
      (K, 14, "people"), "2023-05-03", "2023-05-08", published="2023-05-08", title="Toll due to violence in Manipur rises to 62"),
    # people who "are displaced" are a stock since the clashes of last week (SD)
    P("world-014-are-displaced", "SD", "KEY POINTS\n\n• About 117,100 people have fled from areas of inter-communal clashes in West Darfur and South Darfur (source: IOM).\n\nAn additional 3,500 people crossed the border into Chad (UNHCR).\n\n• At least 200 people dead and 300 injured following inter-communal clashes last week in Ag Geneina, West Darfur and Gereida, South Darfur (source: State Ministry of Health and HAC).\n\n• Security forces have been deployed to the affected areas to re-establish law and order. In West Darfur, security situation remains volatile and unpredictable.\n\nWest Darfur\n\n• IOM estimates 97,825 people (19,554 households) are displaced across Ag Geneina town and its surrounding villages.",
      (DP, 97825, "people"), "2021-01-18", "2021-01-26", tolerance=2, published="2021-01-26", title="Sudan: Flash Update #4 - Conflict in West Darfur and South Darfur (26 Jan 2021)"),
    # "since the ceasefire until the end of September" runs from the day the war ended (conflicts.tsv),
    # and a number in a past war's toll sentence counts over that war (LB)
    P("world-008-since-the-ceasefire-until", "LB", "Earlier this month, U.N. human rights chief Volker Türk urged renewed efforts to end hostilities in Lebanon, noting that 103 civilians have died since the ceasefire until the end of September.\nThe last Israel-Hezbollah war claimed over 4,000 lives in Lebanon, including hundreds of civilians, and caused an estimated $11 billion in damages, while Israel lost 127 people, including 80 soldiers.",
      (K, 103, "civilians"), "2024-11-27", "2025-09-30", published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    P("world-008-lost-in-that-war", "LB", "Earlier this month, U.N. human rights chief Volker Türk urged renewed efforts to end hostilities in Lebanon, noting that 103 civilians have died since the ceasefire until the end of September.\nThe last Israel-Hezbollah war claimed over 4,000 lives in Lebanon, including hundreds of civilians, and caused an estimated $11 billion in damages, while Israel lost 127 people, including 80 soldiers.",
      (K, 127, "people"), "2023-10-08", "2024-11-27", published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    # an incident's day: from the next sentence about the same raid, never from a war-wide total nearby
    P("world-029-the-dawn-raid-on-friday", "CM", "Separatist fighters in Cameroon killed six people in a raid on an army post in the troubled English-speaking Northwest province, the government said Saturday.\nThe dawn raid on Friday involved \"armed separatist groups\" and claimed the lives of four soldiers and two civilians at Matazem, said a statement from communications minister and government spokesman Rene Emmanuel Sadi.",
      (K, 6, "people"), "2021-01-08", "2021-01-08", published="2021-01-10", title="Cameroon separatists kill six at army post"),
    P("world-035-not-the-rebellions-years", "TH", "Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.\n\nThe mid-morning attack was a grizzly reminder that rebels in the Muslim-majority deep south have yet to curb violence against Thai security forces -- or civilians -- despite ongoing peace talks in neighbouring Malaysia.\n\nPolice said the rangers were travelling in a pick-up truck to meet Muslim community leaders in the Saiburi district of Pattani, one of Thailand's southernmost provinces hit by a near-decade long rebellion which has claimed more than 5,500 lives.",
      (K, 5, "combatants"), "2013-05-24", "2013-05-24", published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    # a toll that climbs counts from when the fighting began, wherever the article says it (LY)
    P("world-012-clashes-since-august-26th", "LY", "TRIPOLI – The death toll from weeks of fighting between armed groups in Libya’s capital, Tripoli, has climbed to at least 96 people, most of whom are civilians, the proposed Government of National Accord’s Health Ministry said Friday.\n\nIn addition to the fatalities, the clashes have wounded 444 people. Also, 16 people are missing. GNA’s Health Ministry said the fighting  has also displaced at least 123 families from their homes.\n\nOn Thursday, 11 people, including eight civilians, were killed and 33 others were wounded in southern Tripoli, the Ministry added.\n\nTripoli has witnessed deadly clashes since August 26th.",
      (K, 96, "people"), "2018-08-26", "2018-09-21", published="2018-09-21", title="Death toll from Tripoli clashes climbs to 96, many are injured, displaced and missing"),
    # people who "have fled" count from the week the article says the clashes were (SD)
    P("world-014-fled-since-last-weeks-clashes", "SD", "KEY POINTS\n\n• About 117,100 people have fled from areas of inter-communal clashes in West Darfur and South Darfur (source: IOM).\n\nAn additional 3,500 people crossed the border into Chad (UNHCR).\n\n• At least 200 people dead and 300 injured following inter-communal clashes last week in Ag Geneina, West Darfur and Gereida, South Darfur (source: State Ministry of Health and HAC).",
      (DP, 117100, "people"), "2021-01-16", "2021-01-26", tolerance=3, published="2021-01-26", title="Sudan: Flash Update #4 - Conflict in West Darfur and South Darfur (26 Jan 2021)"),
    P("world-011-the-civil-war-which-has-killed", "YE", "The United Nations is working to broker a political compromise to end the civil war which has killed over 4,300 people and avoid a showdown in the Houthis’ northern heartland.",
      (K, 4300, "people"), "2015-03-26", "2015-08-24", tolerance=180, published="2015-08-24", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    P("world-013-darfur-since-2003", "SD", "Darfur’s herding and farming communities, split by years of skirmishes over land and water, took up arms in large-scale fighting in 2003. So far, the ensuing famine and disease have killed more than 180,000 people.",
      (K, 180_000, "people"), "2003-02-26", "2005-12-21", tolerance=180, published="2005-12-21", title="UN, AU condemn killing of civilians in Darfur"),
    P("world-035-near-decade-long-rebellion", "TH", "Police said the rangers were travelling in a pick-up truck to meet Muslim community leaders in the Saiburi district of Pattani, one of Thailand's southernmost provinces hit by a near-decade long rebellion which has claimed more than 5,500 lives.",
      (K, 5500, "people"), "2004-01-04", "2013-05-25", tolerance=365, published="2013-05-25", title="Bomb kills five rangers in Thailand's restive south"),
    P("world-026-for-six-years", "BF", "For six years the West African country has been ravaged by violence linked to al-Qaida and the Islamic State group that has killed thousands and displaced nearly 2 million people.",
      (DP, 2_000_000, "people"), "2016-05-20", "2022-05-20", tolerance=365, published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    P("world-029-since-the-separatists-launched", "CM", "More than 3,000 people have been killed and at least 700,000 have fled their homes since the separatists launched their armed campaign.",
      (K, 3000, "people"), "2017-10-01", "2021-01-10", tolerance=30, published="2021-01-10", title="Cameroon separatists kill six at army post"),
    P("world-008-the-last-israel-hezbollah-war", "LB", "The last Israel-Hezbollah war claimed over 4,000 lives in Lebanon, including hundreds of civilians, and caused an estimated $11 billion in damages, while Israel lost 127 people, including 80 soldiers.",
      (K, 4000, "people"), "2023-10-08", "2024-11-27", tolerance=15, published="2025-10-11", title="Israel airstrikes in southern Lebanon kill 1, wound 7"),
    P("world-023-the-10-year-old-crisis", "NG", "Tens of thousands had been killed and more than two million others displaced in the 10-year-old crisis in Nigeria’s North-East.",
      (DP, 2_000_000, "people"), "2011-01-01", "2021-03-13", tolerance=365, published="2021-03-13", title="ISWAP fighters reportedly kill 15 soldiers, four militia fighters in Borno attack",
      xfail="period starts 2009-07-26 (the table's Boko Haram insurgency), not ten years before publication as 'the 10-year-old crisis' says (gold 2011)"),
    P("world-005-since-tuesday", "PS", "The attack raised the death toll to 60 Palestinians, most of them civilians, since Tuesday, in Israel’s offensive aimed at halting rocket fire at the Jewish state from coastal Gaza.",
      (K, 60, "people"), "2014-07-08", "2014-07-10", published="2014-07-10", title="5 Children in Gaza Family Killed by Israeli Strike"),
    P("world-038-since-the-deal-with-farc", "CO", "The Norwegian Refugee Council (NRC), a humanitarian organization, said Thursday that at least 1.5 million people have been displaced in Colombia since the deal with the FARC in 2016.",
      (DP, 1_500_000, "people"), "2016-11-24", "2024-11-22", tolerance=60, published="2024-11-22",
      xfail="'since the deal with the FARC in 2016' is resolved to the Colombian conflict's start (1964-05-27), not to the 2016 deal"),
]

# "since the war began" in news of a country on a day: the start of its war then (GUIDE "Beyond Syria"
# for Syria, Gaza, Ukraine, Sudan; otherwise the start dates of the wars' Wikipedia articles)
WARS = [
    W("world-001", "UA", "Russia fired three missiles at Ukraine's southern Zaporizhzhia region on Wednesday morning, killing one person and injuring at least seven others, the governor said.",
      "2023-11-15", "2022-02-24", title="One killed, seven injured in Russian strikes on Zaporizhzhia region - governor"),
    W("world-003", "RU", "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.",
      "2023-10-12", "2022-02-24", title="Downed drone kills three in Russia, including child: governor"),
    W("world-004", "AZ", "On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.",
      "2020-09-21", "1988-02-20", title="Azerbaijani soldier killed in border clash with Armenian military",
      xfail='conflicts.tsv has no war of Azerbaijan that had begun by 2020-09-21 (the Nagorno-Karabakh conflict, first war from 1988-02-20; the 2020 war began 2020-09-27)'),
    W("world-005", "PS", "An Israeli air strike killed seven Palestinian civilians on Thursday, including five children, in the largest death toll from a single attack since the start of a three-day offensive against Hamas militants in Gaza, the Palestinian Health Ministry said.",
      "2014-07-10", "2014-07-08", title="5 Children in Gaza Family Killed by Israeli Strike"),
    W("world-006", "PS", "Ten people, including six children, have been killed in an Israeli air strike while waiting to fill water containers in central Gaza yesterday, emergency service officials said.",
      "2025-07-14", "2023-10-07", title="Gaza Officials: Children Killed In Strike As Israeli Military Admits ‘Error’"),
    W("world-007", "LB", "An Israeli air strike in southern Lebanon has killed 10 people, Lebanese officials say, in one of the deadliest attacks in the current violence along the Lebanon-Israel border.",
      "2024-08-17", "2023-10-08", title="Israeli strike in Lebanon kills 10, health ministry says"),
    W("world-009", "SY", "DAMASCUS: A Syria monitor said Sunday that the death toll from violence in the country’s south involving Druze fighters and their Bedouin rivals, as well as government forces, armed tribes and Israel, had topped 1,000.",
      "2025-07-20", "2011-03-15", title="South Syria violence death toll tops 1,000: monitor"),
    W("world-010", "IQ", "In northwestern Iraq today, multiple suicide bombers used trucks loaded with explosives to kill at least 175 people, and injure another 200, the Iraq military said.",
      "2007-08-14", "2003-03-20", title="At least 175 killed, 200 injured in northwestern Iraq"),
    W("world-011", "YE", "Rockets fired by Houthi militiamen killed 14 civilians, most of them children, as fighting intensified for control of Yemen’s third largest city, Taiz, residents said on Monday.",
      "2015-08-24", "2015-03-26", title="Houthi rockets kill 14 civilians in Yemen’s Taiz"),
    W("world-012", "LY", "TRIPOLI – The death toll from weeks of fighting between armed groups in Libya’s capital, Tripoli, has climbed to at least 96 people, most of whom are civilians, the proposed Government of National Accord’s Health Ministry said Friday.",
      "2018-09-21", "2014-05-16", title="Death toll from Tripoli clashes climbs to 96, many are injured, displaced and missing"),
    W("world-013", "SD", "Dec 21, 2005 (KHARTOUM) — The United Nations and the African Union on Wednesday condemned an attack on a village in Darfur in western Sudan in which camel and horse-riding assailants killed 20 civilians and burned their huts.",
      "2005-12-21", "2003-02-26", title="UN, AU condemn killing of civilians in Darfur"),
    W("world-015", "SD", "DUBAI, United Arab Emirates — Some 70 people were killed in an attack on the only functional hospital in the besieged city of El Fasher in Sudan, the chief of the World Health Organization said Sunday, part of a series of attacks coming as the African nation's civil war escalated in recent days.",
      "2025-01-26", "2023-04-15"),
    W("world-016", "SS", "Over ten people have died from communal clashes in Bor South County last evening, according to Jonglei State Minister of Information.",
      "2017-12-23", "2013-12-15",
      xfail="no country: nothing in the lead names South Sudan ('Bor South County', 'Jonglei State')"),
    W("world-018", "SO", "A suicide bomber killed at least three people and injured two others yesterday after detonating an explosive near the mayoral offices in Somalia’s capital, Mogadishu, police and witnesses said.",
      "2024-01-17", "2009-01-31", title="Three dead in Somalia suicide bombing"),
    W("world-022", "MZ", "In just over two weeks, over 58,000 people have been displaced in Cabo Delgado, northern Mozambique, due to a new wave of terrorist attacks, according to the International Organization for Migration (IOM).",
      "2024-02-27", "2017-10-05", title="Mozambique: Recent attacks in Cabo Delgado force nearly 60K people to flee their homes"),
    W("world-024", "NG", "No fewer than five villagers in Barkin Ladi local government area of Plateau state, northern Nigeria, have been killed by unknown gunmen in a late-night ambush, the police have said.",
      "2018-12-27", "2009-07-26", title="Police confirm death of five persons in fresh Plateau attack"),
    W("world-026", "BF", "OUAGADOUGOU, Burkina Faso (AP) — Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern Burkina Faso, the government said.",
      "2022-05-20", "2015-08-23", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    W("world-028", "ML", "At least 32 civilians were killed in central Mali when unidentified armed men on motorbikes attacked ethnic Dogon farming villages on Wednesday, local authorities said.",
      "2020-07-02", "2012-01-16", title="Attackers on motorbikes kill 32 Malian villagers"),
    W("world-029", "CM", "Separatist fighters in Cameroon killed six people in a raid on an army post in the troubled English-speaking Northwest province, the government said Saturday.",
      "2021-01-10", "2017-09-09", title="Cameroon separatists kill six at army post"),
    W("world-030", "AF", "An Afghan security official says a suicide bomber on a motorcycle killed 10 policemen, including the head of the provincial counterterrorism department and the traffic police chief, in northern Kunduz province.",
      "2013-01-26", "2001-10-07", title="Suicide bomber on motorcycle kills 2 police officials in northern Afghanistan"),
    W("world-031", "PK", "Two suicide bombers attacked a sprawling compound housing a police station and government offices in north-west Pakistan on Thursday, killing at least four police officers and wounding 11 other people.",
      "2023-07-27", "2004-03-16", title="Four officers killed as suicide bombers attack Pakistan police"),
    W("world-032", "IN", "The toll due to the violence between the Kuki and Meitei communities in Manipur on Monday rose to 62.",
      "2023-05-08", "2023-05-03", title="Toll due to violence in Manipur rises to 62",
      xfail="no country: nothing in headline or lead names India ('Manipur', 'Kuki and Meitei')"),
    W("world-034", "MM", "BANGKOK (AP) — Myanmar’s military has been accused of launching an airstrike on a camp for displaced persons in the northern state of Kachin that killed about 30 people, including about a dozen children, Kachin militants and activists and local media said Tuesday.",
      "2023-10-10", "2021-02-01", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    W("world-035", "TH", "BANGKOK: Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.",
      "2013-05-25", "2004-01-04", title="Bomb kills five rangers in Thailand's restive south"),
    W("world-036", "LK", "Three-hundred and seventy eight people were killed during a 24-hour artillery barrage that began late on Saturday, according to a doctor working in the region.",
      "2009-05-10", "1983-07-23", title="Sri Lanka - interview with army spokesperson"),
    W("world-038", "CO", "BOGOTA, Nov 22 (NNN-AGENCIES) — Colombia’s ELN guerrilla group has killed four soldiers in an attack with explosives in a rural part of the country’s northwest, the army said, in the latest blow to peace efforts.",
      "2024-11-22", "1964-05-27"),
    W("world-039", "MX", "Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, according to local authorities in the violent western state.",
      "2019-10-15", "2006-12-11", title="Thirteen police killed in Mexico cartel ambush"),
]


COUNTRIES = [
    C("world-001", '2023-11-15', 'One killed, seven injured in Russian strikes on Zaporizhzhia region - governor',
      "Russia fired three missiles at Ukraine's southern Zaporizhzhia region on Wednesday morning, killing one person and injuring at least seven others, the governor said.",
      'UA'),
    C("world-002", '2024-03-22', 'One Killed, 14 Injured In Missile Attack On Zaporizhzhia',
      '(MENAFN- UkrinForm) One person has been killed and 14 injured in a Russian missile attack on Zaporizhzhia.',
      'UA',
      xfail="None: only 'Zaporizhzhia' and 'Russian missile' (an attacker); no word names Ukraine (toponym counts, places=, not given)"),
    C("world-003", '2023-10-12', 'Downed drone kills three in Russia, including child: governor',
      "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.",
      'RU'),
    C("world-004", '2020-09-21', 'Azerbaijani soldier killed in border clash with Armenian military',
      'On Monday, the Azerbaijani Ministry of Defense announced that the situation on the Armenian-Azerbaijani border has been tense and led to the death of an Azerbaijani soldier as a result of mutual exchange of hostilities.',
      'AZ'),
    C("world-005", '2014-07-10', '5 Children in Gaza Family Killed by Israeli Strike',
      'An Israeli air strike killed seven Palestinian civilians on Thursday, including five children, in the largest death toll from a single attack since the start of a three-day offensive against Hamas militants in Gaza, the Palestinian Health Ministry said.',
      'PS'),
    C("world-006", '2025-07-14', 'Gaza Officials: Children Killed In Strike As Israeli Military Admits ‘Error’',
      'Ten people, including six children, have been killed in an Israeli air strike while waiting to fill water containers in central Gaza yesterday, emergency service officials said.',
      'PS'),
    C("world-007", '2024-08-17', 'Israeli strike in Lebanon kills 10, health ministry says',
      'An Israeli air strike in southern Lebanon has killed 10 people, Lebanese officials say, in one of the deadliest attacks in the current violence along the Lebanon-Israel border.',
      'LB'),
    C("world-008", '2025-10-11', 'Israel airstrikes in southern Lebanon kill 1, wound 7',
      'Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring seven, while temporarily blocking a key highway connecting Beirut to southern regions, the Health Ministry reported.',
      'LB'),
    C("world-009", '2025-07-20', 'South Syria violence death toll tops 1,000: monitor',
      'DAMASCUS: A Syria monitor said Sunday that the death toll from violence in the country’s south involving Druze fighters and their Bedouin rivals, as well as government forces, armed tribes and Israel, had topped 1,000.',
      'SY'),
    C("world-010", '2007-08-14', 'At least 175 killed, 200 injured in northwestern Iraq',
      "In northwestern Iraq today, multiple suicide bombers used trucks loaded with explosives to kill at least 175 people, and injure another 200, the Iraq military said. It all happened in the mainly Kurdish Yazidi town of Qahtaniya, an estimated 60 miles west of Mosul. Qahtaniya is Iraq's third largest city. If the death toll is accurate, the attack was one of the deadliest in Iraq in the past six months.",
      'IQ'),
    C("world-011", '2015-08-24', 'Houthi rockets kill 14 civilians in Yemen’s Taiz',
      'SANAA – Rockets fired by Houthi militiamen killed 14 civilians, most of them children, as fighting intensified for control of Yemen’s third largest city, Taiz, residents said on Monday.',
      'YE'),
    C("world-012", '2018-09-21', 'Death toll from Tripoli clashes climbs to 96, many are injured, displaced and missing',
      'TRIPOLI – The death toll from weeks of fighting between armed groups in Libya’s capital, Tripoli, has climbed to at least 96 people, most of whom are civilians, the proposed Government of National Accord’s Health Ministry said Friday.',
      'LY'),
    C("world-013", '2005-12-21', 'UN, AU condemn killing of civilians in Darfur',
      'Dec 21, 2005 (KHARTOUM) — The United Nations and the African Union on Wednesday condemned an attack on a village in Darfur in western Sudan in which camel and horse-riding assailants killed 20 civilians and burned their huts.',
      'SD'),
    C("world-014", '2021-01-26', 'Sudan: Flash Update #4 - Conflict in West Darfur and South Darfur (26 Jan 2021)',
      'KEY POINTS',
      'SD'),
    C("world-015", '2025-01-26', None,
      "DUBAI, United Arab Emirates — Some 70 people were killed in an attack on the only functional hospital in the besieged city of El Fasher in Sudan, the chief of the World Health Organization said Sunday, part of a series of attacks coming as the African nation's civil war escalated in recent days.",
      'SD'),
    C("world-016", '2017-12-23', None,
      'Over ten people have died from communal clashes in Bor South County last evening, according to Jonglei State Minister of Information.',
      'SS',
      xfail="None: 'Bor South County', 'Jonglei State': no country word"),
    C("world-017", '2022-06-19', 'Gimbi, Ethiopia: Over 200 massacred in Oromo region of Ethiopia',
      'Other sources say the number of casualties from the latest string of massacres of ethnic Amhara in Gimbi Oromo region of Ethiopia is over 300. Victims are mostly children and women',
      'ET'),
    C("world-018", '2024-01-17', 'Three dead in Somalia suicide bombing',
      'A suicide bomber killed at least three people and injured two others yesterday after detonating an explosive near the mayoral offices in Somalia’s capital, Mogadishu, police and witnesses said.',
      'SO'),
    C("world-019", '2022-12-22', 'Al-Shabab terrorists kill police officer and civilian in eastern Kenya',
      'Police in eastern Kenya are blaming al-Shabab militants for the death of an officer and a civilian in an attack in Garissa County, on the border with Somalia.',
      'KE'),
    C("world-020", '2021-10-30', 'Rebels kill 8 civilians in Democratic Republic of Congo',
      'At least eight civilians were killed in the latest attack blamed on the Allied Democratic Forces (ADF) in the Democratic Republic of the Congo’s northeastern Beni territory, a local official said Saturday.',
      'CD'),
    C("world-022", '2024-02-27', 'Mozambique: Recent attacks in Cabo Delgado force nearly 60K people to flee their homes',
      'In just over two weeks, over 58,000 people have been displaced in Cabo Delgado, northern Mozambique, due to a new wave of terrorist attacks, according to the International Organization for Migration (IOM). The attacks occurred mainly in the Chiùre and Macomia districts, leading to the displacement of 54,534 and 2,626 people, respectively, with children accounting for a significant portion (35,295).',
      'MZ'),
    C("world-023", '2021-03-13', 'ISWAP fighters reportedly kill 15 soldiers, four militia fighters in Borno attack',
      'The Islamic State of West African Province (ISWAP) fighters reportedly killed 15 soldiers and four militia fighters in an attack in Borno State on Thursday.',
      'NG'),
    C("world-024", '2018-12-27', 'Police confirm death of five persons in fresh Plateau attack',
      'No fewer than five villagers in Barkin Ladi local government area of Plateau state, northern Nigeria, have been killed by unknown gunmen in a late-night ambush, the police have said.',
      'NG'),
    C("world-025", '2021-05-03', 'Niger: 16 soldiers killed in ambush',
      'Sixteen Nigerien soldiers were killed and another reported missing, following an ambush on Saturday May 1 by armed men in the west of the country.',
      'NE'),
    C("world-026", '2022-05-20', "Jihadis' attack in eastern Burkina Faso kills 11 soldiers",
      "Burkina Faso's government says jihadis have targeted a military base in the country's east, killing at least 11 soldiers and injuring nearly two dozen",
      'BF'),
    C("world-027", '2024-01-29', None,
      'About 30 people were killed in attacks on two villages in central Mali over the weekend, the rural commune’s mayor said on Monday.',
      'ML'),
    C("world-028", '2020-07-02', 'Attackers on motorbikes kill 32 Malian villagers',
      'At least 32 civilians were killed in central Mali when unidentified armed men on motorbikes attacked ethnic Dogon farming villages on Wednesday, local authorities said.',
      'ML'),
    C("world-029", '2021-01-10', 'Cameroon separatists kill six at army post',
      'Separatist fighters in Cameroon killed six people in a raid on an army post in the troubled English-speaking Northwest province, the government said Saturday.',
      'CM'),
    C("world-030", '2013-01-26', 'Suicide bomber on motorcycle kills 2 police officials in northern Afghanistan',
      'An Afghan security official says a suicide bomber on a motorcycle killed 10 policemen, including the head of the provincial counterterrorism department and the traffic police chief, in northern Kunduz province. It was one of two bombings reported in the country on Saturday.',
      'AF'),
    C("world-031", '2023-07-27', 'Four officers killed as suicide bombers attack Pakistan police',
      'Two suicide bombers attacked a sprawling compound housing a police station and government offices in north-west Pakistan on Thursday, killing at least four police officers and wounding 11 other people.',
      'PK'),
    C("world-032", '2023-05-08', 'Toll due to violence in Manipur rises to 62',
      'The toll due to the violence between the Kuki and Meitei communities in Manipur on Monday rose to 62.',
      'IN',
      xfail="None: 'Manipur', 'Kuki and Meitei': no country word"),
    C("world-033", '2024-09-13', "Two soldiers killed, two injured in encounter in J&K's Kishtwar",
      'SRINAGAR: Two soldiers were killed and two others injured in an encounter with militants in the mountainous Kishtwar district of Jammu and Kashmir.',
      'IN',
      xfail="None: 'SRINAGAR', 'Jammu and Kashmir', 'J&K's Kishtwar': no country word"),
    C("world-034", '2023-10-10', 'Myanmar military accused of bombing a displacement camp in a northern state, killing about 30',
      'BANGKOK (AP) — Myanmar’s military has been accused of launching an airstrike on a camp for displaced persons in the northern state of Kachin that killed about 30 people, including about a dozen children, Kachin militants and activists and local media said Tuesday.',
      'MM'),
    C("world-035", '2013-05-25', "Bomb kills five rangers in Thailand's restive south",
      "BANGKOK: Five paramilitary rangers were killed and one other wounded in an ambush when suspected rebels detonated a bomb buried in a road in Thailand's insurgency-plagued south, local police said Friday.",
      'TH'),
    C("world-036", '2009-05-10', 'Sri Lanka - interview with army spokesperson',
      '378 civilians killed in attack but army denies responsibility',
      'LK'),
    C("world-037", '2016-08-30', '15 Philippine soldiers killed, two beheaded, in clashes with Abu Sayyaf',
      'JOLO , Philippines, Aug. 30 (UPI) — Fifteen Philippine Army soldiers were killed, two of them beheaded, in clashes with the Islamist insurgent group Abu Sayyaf.',
      'PH'),
    C("world-038", '2024-11-22', None,
      'BOGOTA, Nov 22 (NNN-AGENCIES) — Colombia’s ELN guerrilla group has killed four soldiers in an attack with explosives in a rural part of the country’s northwest, the army said, in the latest blow to peace efforts.',
      'CO'),
    C("world-039", '2019-10-15', 'Thirteen police killed in Mexico cartel ambush',
      'The ambush took place in an area fought over by rival drug trafficking organizations.',
      'MX'),
    C("world-040", '2023-06-08', 'Gang Violence Displaces 165,000 in Haiti, Hinders Aid Efforts',
      'Geneva/Port-au-Prince – More than 165,000 people are internally displaced in Haiti due to gang violence, hindering aid efforts by the International Organization for Migration (IOM).',
      'HT'),
]


# --- the tests ----------------------------------------------------------------

def _figure(text, published, title, fig):
    figs = wartally.extract(text, published=published, title=title, outlet="the outlet", geocode=False)
    found = [f for f in figs if (str(f.outcome), f.n, str(f.victims)) == fig]
    got = sorted({(str(f.outcome), f.n, str(f.victims)) for f in figs})
    assert found, f"no figure {fig} in {got}"
    return found[0]


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), SOURCES)
def test_world_source_of_a_figure(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    assert names.same_source(want, f.source), f"source {f.source!r}, expected {want!r}"


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), ACTORS)
def test_world_actors_of_a_figure(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    assert names.names_every_actor(";".join(want), list(f.actor)), f"actors {list(f.actor)}, expected {list(want)}"


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), SIDES)
def test_world_side_of_combatant_victims(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    assert (f.side and str(f.side)) == want, f"side {f.side!r}, expected {want!r}"


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), PERIODS)
def test_world_period_of_a_war_wide_figure(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    start, end = (dt.date.fromisoformat(d) if d else None for d in want)
    got = (f.period.start, f.period.end)
    assert f.period.start is not None and abs((f.period.start - start).days) <= max(tolerance, 1), f"period {got}, expected from {start}"
    if end is not None:
        assert f.period.end is not None and abs((f.period.end - end).days) <= max(tolerance, 1), f"period {got}, expected to {end}"


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), WARS)
def test_world_war_start_of_the_articles_country(cc, text, published, title, fig, want, tolerance):
    day = dt.date.fromisoformat(published)
    country = world.article_country(text, title)
    assert world.war_start(country, day) == dt.date.fromisoformat(want), \
        f"country {country}, war {world.the_war(country, day)}, expected {cc} from {want}"


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), COUNTRIES)
def test_world_article_country_of_headline_and_lead(cc, text, published, title, fig, want, tolerance):
    assert world.article_country(text, title) == want


# actors a figure must not name: who speaks for a group, whose headquarters a town is, the victims' own
# words in the lead, a government's own forces for its soldiers' casualties
NOT_ACTORS = [
    # who speaks for a group, or whose headquarters a town is, did not do it (MM)
    A("world-034-not-the-kia-spokesperson", "MM", "Col. Naw Bu, a spokesperson for the Kachin Independence Army, said 29 people including 11 children under the age of 16 were killed and 57 others injured in the attacks carried out by air and artillery late Monday. The casualties occurred at the Mung Lai Hkyet displacement camp in the northern part of Laiza, a town where the headquarters of the rebel KIA is based, about 324 kilometers (200 miles) northeast of Mandalay, Myanmar’s second-biggest city.\n\nA spokesperson for Kachin Human Rights Watch gave slightly different figures, saying 19 adults and 13 children were killed in the attack, which occurred shortly before midnight.",
      (K, 13, "children"), ["KIA"], published="2023-10-10", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    A("world-033-not-their-own-troops", "IN", "The fire was returned by the troops, triggering an encounter,” the security official said.\nIn the gunfight, four soldiers sustained injuries.",
      (I, 4, "combatants"), ["India government"], published="2021-08-27", title="Two soldiers killed, two injured in encounter in J&K's Kishtwar"),
    A("world-039-not-the-victims-police", "MX", "(CNN)Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, according to local authorities in the violent western state.\n\nFive police vehicles were traveling through the municipality of Aguililla in the early morning when they were ambushed by more than 30 armed individuals, according to a statement from the Michoacan state prosecutor.\nThe attackers, in five \"presumably armored\" vehicles, opened fire with high caliber weapons, said the prosecutor, Adrián López Solís.\nSecurity forces dispatched to the scene found officers slain and injured with bullet wounds, their vehicles shot up and two of them on fire, the statement said.\nImages published on social media showed posters left on police vehicles signed \"CJNG\" -- the initials of the Jalisco New Generation Cartel. Reuters cited a state official as confirming the authenticity of the photos, which also showed warnings to police not to support rival crime gangs in the area.\nMexico is struggling to maintain public security amid worsening violence driven by powerful drug trafficking organizations. The state of Michoacan is a strategic transit point and has long been the site of spectacular bloodshed as criminal groups battle for control.\nMexico's security ministry condemned the attack and offered \"human and technological resources\" to bring the perpetrators to justice.\nThe ministry initially tweeted that 14 officers had been killed, but the Michoacan",
      (K, 14, "people"), ["Mexico government"], published="2019-10-15", title="Thirteen police killed in Mexico cartel ambush"),
]


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), NOT_ACTORS)
def test_world_actors_a_figure_must_not_name(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    assert not set(want) & set(f.actor), f"actors {list(f.actor)} name {list(want)}"


# the weapon of a figure (GUIDE's list): the means, not a subject; the army's "aerial support"; air and
# artillery; the next sentence about the same attack names it
WEAPONS = [
    # the sentences after say what kind of air strike it was (PS)
    A("world-006-a-drone-fired", "PS", "Ten people, including six children, have been killed in an Israeli air strike while waiting to fill water containers in central Gaza yesterday, emergency service officials said.\n\nTheir bodies were sent to Nuseirat’s al-Awda Hospital, which also treated 16 injured people including seven children, a doctor there said. Eyewitnesses said a drone fired a missile at a crowd queuing with empty jerry cans next to a water tanker in al-Nuseirat refugee camp, reports the BBC.",
      (K, 10, "people"), ["drone"], published="2025-07-14", title="Gaza Officials: Children Killed In Strike As Israeli Military Admits ‘Error’"),
    # armed men who attacked villages: gunfire, not the "jihadist raids" of the background (ML)
    A("world-028-armed-men", "ML", "At least 32 civilians were killed in central Mali when unidentified armed men on motorbikes attacked ethnic Dogon farming villages on Wednesday, local authorities said.\nThe attackers targeted four villages in Mopti region, which has seen dozens of tit-for-tat ethnic massacres as well as jihadist raids over the past few years.",
      (K, 32, "civilians"), ["gunfire"], published="2020-07-02", title="Attackers on motorbikes kill 32 Malian villagers"),
    A("world-010-suicide-bombers", "IQ", "In northwestern Iraq today, multiple suicide bombers used trucks loaded with explosives to kill at least 175 people, and injure another 200, the Iraq military said.",
      (K, 175, "people"), ["suicide bombing"], published="2007-08-14", title="At least 175 killed, 200 injured in northwestern Iraq"),
    A("world-026-aerial-support", "BF", "Injured soldiers have been taken to hospital and aerial support killed 15 attackers trying to flee after Thursday's attack in Madjoari in Kompienga province, Burkina Faso's army said in a statement.",
      (K, 15, "combatants"), ["airstrike"], published="2022-05-20", title="Jihadis' attack in eastern Burkina Faso kills 11 soldiers"),
    A("world-034-by-air-and-artillery", "MM", "Col. Naw Bu, a spokesperson for the Kachin Independence Army, said 29 people including 11 children under the age of 16 were killed and 57 others injured in the attacks carried out by air and artillery late Monday.",
      (K, 29, "people"), ["airstrike"], published="2023-10-10", title="Myanmar military accused of bombing a displacement camp in a northern state, killing about 30"),
    A("world-019-the-next-sentence-names-it", "KE", "Police in eastern Kenya are blaming al-Shabab militants for the death of an officer and a civilian in an attack in Garissa County, on the border with Somalia.\n\nWAJIR, KENYA  — Police in eastern Kenya are blaming al-Shabab militants for the death of an officer and a civilian in an attack in Garissa County, on the border with Somalia.\n\nGarissa County police commander Thomas Ngeiywa said Thursday the two victims were among six people on board a police vehicle that struck an improvised explosive device",
      (K, 1, "civilians"), ["IED"], published="2022-12-22", title="Al-Shabab terrorists kill police officer and civilian in eastern Kenya"),
]


@pytest.mark.parametrize(("cc", "text", "published", "title", "fig", "want", "tolerance"), WEAPONS)
def test_world_weapon_of_a_figure(cc, text, published, title, fig, want, tolerance):
    f = _figure(text, published, title, fig)
    assert f.weapon == want[0], f"weapon {f.weapon!r}, expected {want[0]!r}"


TABLES = {"sources": SOURCES, "actors": ACTORS, "sides": SIDES, "periods": PERIODS + WARS, "countries": COUNTRIES}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_world_tables_cover_fifteen_countries(name):
    countries = {p.values[0] for p in TABLES[name]}
    assert len(countries) >= 15, f"{name}: {sorted(countries)}"
    assert countries <= set(world.countries()), sorted(countries - set(world.countries()))


# that every row is real text of ../shared/corpus is checked in test_shared_copies.py
