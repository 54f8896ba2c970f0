#!/usr/bin/env python3
"""Benchmark: a Pressroom build against plain MkDocs building the same release pages.

Generates a deterministic synthetic newsroom (N releases of about 800 words, 20 partners,
10 campaigns, 15 topics, over 10 years), then builds it, alternately:

  (a) with Pressroom, exactly as the repository's mkdocs.yml configures it;
  (b) as plain MkDocs: the same release bodies as ordinary pages under docs/press/<year>/,
      the same theme, extensions and other plugins, no Pressroom, releases not in the nav.

It reports the median wall time and peak memory of each build, their ratio, the size and
file count of each site, and the bytes (gzipped) a visitor transfers to open one release
page. It is a measurement, not a test: nothing here fails because a build is slow.

    .venv/bin/python scripts/bench.py                           # 1,000 releases, 3 rounds
    .venv/bin/python scripts/bench.py --sizes 100,1000,3000 --json bench.json

With --bilingual it instead measures the cost of a second language: the same N English
releases built alone (`languages: [en]`) and with a Spanish translation of each, and Spanish
partner, campaign, home and about pages (`languages: [en, es]`), alternately.

    .venv/bin/python scripts/bench.py --bilingual --releases 1000 --rounds 3

With --live it instead times live editing: under `mkdocs serve --livereload`, then under
`mkdocs serve --livereload --dirty`, it saves the newest release several times and measures
from the write until the served page shows the change and until a page open in headless
Chromium (Playwright, /usr/bin/chromium) has reloaded itself to show it; it also compares
every page and feed `--dirty` serves with a full build of the same sources.

    .venv/bin/python scripts/bench.py --live                    # 1,000 releases, 5 edits each
    .venv/bin/python scripts/bench.py --live --releases 100 --edits 3 --no-browser

Needs only what the site needs to build (MkDocs, Material, PyYAML and the pressroom plugin).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import importlib.metadata
import itertools
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
PRESSROOM_PACKAGE = REPO / "scripts" / "pressroom"
SEED = 2024
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2026, 1, 1) - FIRST_DAY).days  # ten years of releases
# Every synthetic release is published at this moment, whatever day the bench runs.
CLOCK = "2026-01-01T12:00:00+00:00"
TRANSLATION_FILE = re.compile(r"\.[a-z]{2}\.md$")  # about.es.md: the Spanish about.md
PACKAGES = (
    "mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "pydantic",
    "PyYAML", "lxml", "feedgen", "pressroom",
)


# --- The synthetic newsroom -------------------------------------------------------------

TOPICS = (
    "surveillance", "foia", "detention", "litigation", "data brokers", "facial recognition",
    "deportation", "policing", "privacy", "drones", "border", "asylum", "labor",
    "health care", "public records",
)
PLACES = (
    "New York", "Washington, D.C.", "Los Angeles", "San Francisco", "Chicago", "Houston",
    "Phoenix", "El Paso", "Miami", "Atlanta", "Seattle", "Denver", "Tucson", "San Diego",
    "Newark", "Oakland", "Albuquerque", "Minneapolis",
)
AGENCIES = (
    "ICE", "DHS", "Customs and Border Protection", "the FBI", "the State Department",
    "the Department of Justice", "USCIS", "the county sheriff", "the city police department",
    "the Department of Motor Vehicles", "the Office of Biometric Identity Management",
)
TECHNOLOGIES = (
    "facial recognition", "license plate readers", "cell-site simulators", "social media "
    "monitoring", "commercial data brokers", "biometric databases", "predictive risk scores",
    "aerial drones", "electronic ankle monitors", "utility records", "voice-print analysis",
    "automated case triage", "gang databases", "location data purchases",
)
ISSUES = (
    "Secret Surveillance Records", "Detention Conditions", "Data Sharing With Local Police",
    "Facial Recognition Contracts", "Ankle Monitor Program", "Raids on Workplaces",
    "Medical Neglect in Detention", "Courthouse Arrests", "Database Errors",
    "Location Data Purchases", "Drone Flights Over Cities", "Deportation Flights",
    "Family Separation Records", "Border Biometrics Expansion", "Hotline Surveillance",
)
CITIES = (
    "Newark", "Oakland", "Tucson", "Houston", "Chicago", "Denver", "Providence", "Durham",
    "Santa Ana", "Yakima", "Laredo", "Omaha", "Richmond", "Salem",
)
FIRST_NAMES = (
    "Priya", "Marcus", "Tomás", "Dana", "Amara", "Luis", "Mei", "Jorge", "Fatima", "Samuel",
    "Ana", "Daniel", "Noor", "Rosa", "Kwame", "Elena", "Hyun-woo", "Gabriela", "Omar", "Julia",
)
LAST_NAMES = (
    "Natarajan", "Oyelaran", "Echeverría", "Whitcombe", "Mensah", "Gutiérrez", "Chen",
    "Ramírez", "Haddad", "Okafor", "Silva", "Kowalski", "Rahman", "Delgado", "Boateng",
    "Novak", "Park", "Herrera", "Aziz", "Lindqvist",
)
JOB_TITLES = (
    "Policy Director", "Media Relations Manager", "Supervising Attorney", "Field Coordinator",
    "Executive Director", "Communications Director", "Senior Staff Attorney",
    "Campaign Organizer", "Research Director", "Press Officer",
)
PARTNER_WORDS = (
    ("Border", "Sanctuary", "Community", "Data", "Migrant", "Harbor", "Freedom", "Liberty",
     "Northern", "Southern", "Coastal", "Valley", "Prairie", "Mountain", "River", "Civic",
     "Open", "Public", "Families", "Desert"),
    ("Rights", "Legal", "Justice", "Defense", "Voices", "Tech", "Watch", "Action",
     "Solidarity", "Records"),
    ("Network", "Project", "Collective", "Alliance", "Coalition", "Center", "Fund",
     "Institute", "Council", "Clinic"),
)
CAMPAIGN_TITLES = (
    "Stop Face Surveillance", "Detention Transparency", "Know Your Rights", "Data Broker "
    "Accountability", "End Courthouse Arrests", "Sanctuary Data Shield", "Drone Oversight",
    "Free Them All", "Records for the Public", "Safe Hospitals",
)
TITLES = (
    "{group} Sues {agency} Over {issue}",
    "New Records Reveal {agency}'s Use of {technology}",
    "Groups Demand Answers From {agency} on {issue}",
    "{group} Releases Report on {issue}",
    "Statement on {agency}'s Expansion of {technology}",
    "{city} Council Votes to Limit {technology}",
    "Court Orders {agency} to Release Records on {issue}",
    "Coalition Files Complaint About {issue} in {city}",
    "Advocates Testify Against {technology} in {city}",
    "Lawsuit Challenges {agency}'s \"{issue}\" Policy",
)
SUBTITLES = (
    "Documents obtained through a public-records request show {technology} used in {city}",
    "Groups say {agency} has ignored the law for {number} months",
    "The report documents {number} cases across {count} states",
    "A court will hear arguments on {month} {day}",
)
LEADS = (
    "{group} today filed a lawsuit in federal court to force {agency} to release records "
    "about its use of {technology}.",
    "{group} today published a report documenting {number} cases of {technology} used "
    "against immigrant families in {city}.",
    "{group} and its partners today called on {agency} to end its use of {technology}.",
    "{group} today welcomed a vote by the {city} city council to restrict {technology}.",
)
SENTENCES = (
    "Records obtained by the coalition show that {agency} used {technology} in {city} "
    "at least {number} times between {year} and {later_year}.",
    "The documents were released only after a lawsuit filed in {month} {year}.",
    "Community members in {city} first reported the practice to the coalition's hotline.",
    "Neither {agency} nor its contractors would say how long the data is kept.",
    "The agreement allows {agency} to query the system without a warrant.",
    "Advocates say {technology} makes errors far more often for darker-skinned people, "
    "for women and for the elderly.",
    "{count} city councils have since passed ordinances limiting {technology}.",
    "The coalition first requested the records {number} months ago.",
    "A spokesperson for {agency} declined to comment on pending litigation.",
    "The report is based on interviews with {number} people held in {count} facilities.",
    "Under federal law, an agency must respond to a records request within twenty "
    "working days.",
    "The contract, worth {money}, was signed without public notice.",
    "Local police in {city} shared more than {number} records with {agency} last year.",
    "Families describe arrests at courthouses, hospitals and schools.",
    "The groups are represented by pro bono counsel from two law firms.",
    "Several members of Congress have asked {agency} to suspend the program.",
    "The audit found that {percent} percent of the flagged records contained errors.",
    "The coalition will hold a public briefing in {city} on {month} {day}.",
    "Some of the documents were heavily redacted, and others were withheld in full.",
    "The program was expanded in {year} without any public hearing.",
)
QUOTES = (
    "People have a right to know how their government watches them.",
    "Secrecy is not a security strategy; it is a way to avoid accountability.",
    "No one should be afraid to take their child to a hospital.",
    "These records confirm what our members have been telling us for years.",
    "When the government ignores the law, the courts are the only remedy left.",
    "Surveillance of this kind would never be tolerated in any other community.",
    "We will keep fighting until every record is public.",
    "Technology cannot be allowed to decide who gets to stay with their family.",
)
DEMANDS = (
    "release every contract and memorandum on {technology}",
    "stop sharing data with {agency}",
    "publish the number of people affected each year",
    "end the use of {technology} in {city}",
    "hold public hearings before any expansion",
    "delete records collected without a warrant",
    "allow independent audits of the program",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


@dataclass(frozen=True)
class Vocabulary:
    """The words and phrases one language's copy is written with.

    Each language has its own vocabulary, not a word-for-word translation, so that a
    translated release does not repeat its original's bytes (which would flatter gzip and
    the search index).
    """

    places: tuple[str, ...]
    agencies: tuple[str, ...]
    technologies: tuple[str, ...]
    issues: tuple[str, ...]
    months: tuple[str, ...]
    job_titles: tuple[str, ...]
    titles: tuple[str, ...]
    subtitles: tuple[str, ...]
    leads: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    demands: tuple[str, ...]
    campaign_titles: tuple[str, ...]
    documents: tuple[str, ...]  # what a release links to
    link_folders: tuple[str, ...]
    organisation_kinds: tuple[str, ...]
    thousands: str  # the thousands separator: 1,234 or 1.234
    money: str
    said: str
    quote: str
    read_more: str
    asking: str
    memo: str
    background: str
    more_info: str
    organisation: str
    home_heading: str
    home_title: str
    about_title: str
    # The syllables the language's lexicon of free prose is made of (see `lexicon`).
    syllables: tuple[str, ...] = ()


ENGLISH = Vocabulary(
    places=PLACES, agencies=AGENCIES, technologies=TECHNOLOGIES, issues=ISSUES, months=MONTHS,
    job_titles=JOB_TITLES, titles=TITLES, subtitles=SUBTITLES, leads=LEADS, sentences=SENTENCES,
    quotes=QUOTES, demands=DEMANDS, campaign_titles=CAMPAIGN_TITLES,
    documents=("report", "complaint", "letter"), link_folders=("reports", "news"),
    organisation_kinds=("member-led", "nonprofit", "volunteer"),
    thousands=",", money="${whole}.{tenth} million",
    said="said {first} {last}, {job} at {partner}",
    quote='"{opening}," {said}. "{closing}"',
    read_more=" Read [the full {document}]({link}) on {partner}'s website.",
    asking="The groups are asking {agency} to:\n\n{demands}",
    memo="One of the documents, an internal memo from {year}, reads:\n\n> {memo}",
    background="## Background",
    more_info=" More information is available from [{partner}]({website}) and in *{issue}*, "
    "its briefing of **{month}**.",
    organisation="{name} is a {kind} organisation based in {place}. ",
    home_heading="Synthetic Coalition Newsroom", home_title="Home",
    about_title="About the coalition",
    syllables=("ab", "ar", "ba", "ben", "cal", "cor", "da", "der", "el", "en", "fa", "for",
               "gar", "ham", "in", "ist", "jo", "ken", "lam", "ler", "ma", "mon", "nel", "nor",
               "ob", "or", "pen", "per", "quin", "ra", "ren", "sal", "ster", "tam", "ter", "ul",
               "un", "van", "ver", "wal", "win", "yar", "zel", "ing", "ment", "tion", "ly",
               "ous", "ness", "ton"),
)

# Spanish copy, as a coalition's press office writes it. Agencies carry their article, so
# templates use them only after words that take one as it is ("contra el FBI", not "de el").
SPANISH = Vocabulary(
    places=(  # in the order of PLACES: a translation's dateline is its original's, in Spanish
        "Nueva York", "Washington D. C.", "Los Ángeles", "San Francisco", "Chicago", "Houston",
        "Phoenix", "El Paso", "Miami", "Atlanta", "Seattle", "Denver", "Tucson", "San Diego",
        "Newark", "Oakland", "Albuquerque", "Minneapolis",
    ),
    agencies=(
        "ICE", "el DHS", "la Oficina de Aduanas y Protección Fronteriza", "el FBI",
        "el Departamento de Estado", "el Departamento de Justicia", "el USCIS",
        "la oficina del alguacil del condado", "el departamento de policía municipal",
        "el Departamento de Vehículos Motorizados",
        "la Oficina de Gestión de la Identidad Biométrica",
    ),
    technologies=(
        "reconocimiento facial", "lectores automáticos de matrículas",
        "simuladores de antenas de telefonía", "vigilancia de redes sociales",
        "corredores de datos comerciales", "bases de datos biométricas",
        "puntuaciones predictivas de riesgo", "drones de vigilancia", "grilletes electrónicos",
        "registros de servicios públicos", "análisis de huellas de voz",
        "clasificación automatizada de expedientes", "bases de datos de pandillas",
        "compras de datos de geolocalización",
    ),
    issues=(
        "registros secretos de vigilancia", "condiciones de detención",
        "intercambio de datos con la policía local", "contratos de reconocimiento facial",
        "el programa de grilletes electrónicos", "redadas en lugares de trabajo",
        "negligencia médica en los centros de detención", "arrestos en los juzgados",
        "errores en las bases de datos", "compras de datos de geolocalización",
        "vuelos de drones sobre las ciudades", "vuelos de deportación",
        "expedientes de separación familiar", "la ampliación de la biometría fronteriza",
        "vigilancia de las líneas de ayuda",
    ),
    months=(
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre",
    ),
    job_titles=(
        "directora de políticas públicas", "responsable de relaciones con los medios",
        "abogada supervisora", "coordinador de campo", "director ejecutivo",
        "directora de comunicación", "abogado principal", "organizadora de campañas",
        "director de investigación", "portavoz de prensa",
    ),
    titles=(
        "{group} presenta una demanda contra {agency} por {issue}",
        "Nuevos documentos revelan que {agency} recurre a {technology}",
        "Organizaciones exigen que {agency} rinda cuentas sobre {issue}",
        "{group} publica un informe sobre {issue}",
        "Declaración ante la ampliación de {technology} anunciada por {agency}",
        "El concejo municipal de {city} vota para limitar el uso de {technology}",
        "Un tribunal ordena que {agency} entregue los documentos sobre {issue}",
        "La coalición presenta una queja por {issue} en {city}",
        "Defensores declaran en {city} contra el uso de {technology}",
        "Una demanda impugna la política sobre {issue} que aplica {agency}",
    ),
    subtitles=(
        "Documentos obtenidos mediante una solicitud de acceso a registros públicos muestran "
        "el uso de {technology} en {city}",
        "Las organizaciones afirman que {agency} lleva {number} meses incumpliendo la ley",
        "El informe documenta {number} casos en {count} estados",
        "Un tribunal escuchará los alegatos el {day} de {month}",
    ),
    leads=(
        "{group} presentó hoy una demanda ante un tribunal federal para obligar a que "
        "{agency} entregue los documentos sobre su uso de {technology}.",
        "{group} publicó hoy un informe que documenta {number} casos en los que se empleó "
        "{technology} contra familias inmigrantes en {city}.",
        "{group} y sus aliados pidieron hoy que {agency} deje de recurrir a {technology}.",
        "{group} celebró hoy la votación con la que el concejo municipal de {city} restringe "
        "el uso de {technology}.",
    ),
    sentences=(
        "Los documentos obtenidos por la coalición muestran que {agency} utilizó "
        "{technology} en {city} al menos {number} veces entre {year} y {later_year}.",
        "Los documentos se entregaron solo después de una demanda interpuesta en {month} "
        "de {year}.",
        "Vecinos de {city} denunciaron primero esta práctica ante la línea de ayuda de la "
        "coalición.",
        "Ni {agency} ni sus contratistas quisieron precisar durante cuánto tiempo se "
        "conservan los datos.",
        "El acuerdo permite que {agency} consulte el sistema sin orden judicial.",
        "Según los defensores, los sistemas de {technology} se equivocan con mucha más "
        "frecuencia con las personas de piel oscura, con las mujeres y con los ancianos.",
        "Desde entonces, {count} concejos municipales han aprobado ordenanzas que limitan "
        "el uso de {technology}.",
        "La coalición solicitó los documentos por primera vez hace {number} meses.",
        "A través de un portavoz, {agency} declinó comentar un litigio pendiente.",
        "El informe se basa en entrevistas con {number} personas recluidas en {count} "
        "centros.",
        "La ley federal obliga a toda agencia a responder a una solicitud de acceso en un "
        "plazo de veinte días hábiles.",
        "El contrato, por valor de {money}, se firmó sin aviso público.",
        "La policía local de {city} compartió el año pasado más de {number} registros con "
        "{agency}.",
        "Las familias relatan detenciones en juzgados, hospitales y escuelas.",
        "Abogados de dos bufetes representan gratuitamente a las organizaciones.",
        "Varios congresistas han pedido que {agency} suspenda el programa.",
        "La auditoría concluyó que el {percent} por ciento de los registros señalados "
        "contenía errores.",
        "La coalición ofrecerá una sesión informativa abierta en {city} el {day} de {month}.",
        "Buena parte de los documentos llegó muy tachada, y otros se retuvieron por completo.",
        "El programa se amplió en {year} sin audiencia pública alguna.",
    ),
    quotes=(
        "La gente tiene derecho a saber cómo la vigila su propio gobierno.",
        "El secretismo no es una estrategia de seguridad; es una forma de eludir la "
        "rendición de cuentas.",
        "Nadie debería tener miedo de llevar a su hija o a su hijo al hospital.",
        "Estos documentos confirman lo que nuestras comunidades nos vienen contando desde "
        "hace años.",
        "Cuando el gobierno ignora la ley, los tribunales son el único recurso que nos queda.",
        "Una vigilancia así jamás se toleraría en ninguna otra comunidad.",
        "Seguiremos luchando hasta que cada expediente salga a la luz.",
        "No podemos permitir que un algoritmo decida quién puede quedarse con su familia.",
    ),
    demands=(
        "entregue todos los contratos y memorandos sobre {technology}",
        "deje de compartir información con {agency}",
        "publique cada año el número de personas afectadas",
        "ponga fin al uso de {technology} en {city}",
        "celebre audiencias públicas antes de cualquier ampliación",
        "borre los registros reunidos sin orden judicial",
        "acepte auditorías independientes del programa",
    ),
    campaign_titles=(  # in the order of CAMPAIGN_TITLES
        "Alto a la vigilancia facial", "Transparencia en la detención", "Conozca sus derechos",
        "Que los corredores de datos rindan cuentas", "Basta de arrestos en los juzgados",
        "Escudo santuario para los datos", "Control de los drones", "Libertad para todos",
        "Documentos para el público", "Hospitales seguros",
    ),
    documents=("informe", "escrito", "documento"), link_folders=("informes", "noticias"),
    organisation_kinds=("de base", "sin fines de lucro", "de voluntariado"),
    thousands=".", money="{whole},{tenth} millones de dólares",
    said="dijo {first} {last}, {job} de {partner}",
    quote='"{opening}", {said}. "{closing}"',
    read_more=" Consulte [el {document} completo]({link}) en el sitio web de {partner}.",
    asking="Las organizaciones piden que {agency}:\n\n{demands}",
    memo="Uno de los documentos, un memorando interno de {year}, dice:\n\n> {memo}",
    background="## Antecedentes",
    more_info=" Hay más información en el sitio de [{partner}]({website}) y en su informe "
    "de **{month}** sobre *{issue}*.",
    organisation="{name} es una organización {kind} con sede en {place}. ",
    home_heading="Sala de prensa de la coalición sintética", home_title="Inicio",
    about_title="Acerca de la coalición",
    syllables=("a", "ba", "ca", "cha", "ción", "da", "de", "do", "e", "es", "fa", "ga", "gue",
               "i", "ja", "la", "lle", "lo", "ma", "me", "mo", "na", "ñe", "o", "pa", "pe",
               "que", "ra", "rra", "re", "ro", "sa", "se", "so", "ta", "te", "to", "u", "va",
               "ve", "za", "zo", "dad", "mente", "ero", "ía", "ado", "ista", "ez", "ura"),
)

# Release bodies mix wire-copy templates with free prose drawn from a lexicon of this many
# words per language, Zipf-distributed as words in real text are. Templates alone repeat
# their phrases, which compresses and indexes unrealistically well.
LEXICON_SIZE = 40_000


@functools.cache
def lexicon(words: Vocabulary) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The language's lexicon, commonest word first, with the cumulative Zipf weights
    (the k-th commonest word is k times rarer than the commonest) to draw from it."""
    draw = random.Random(f"lexicon:{words.syllables}")
    found: dict[str, None] = {}
    while len(found) < LEXICON_SIZE:
        found.setdefault("".join(draw.choices(words.syllables, k=draw.randint(1, 4))), None)
    return tuple(found), tuple(itertools.accumulate(1 / rank for rank in
                                                    range(1, LEXICON_SIZE + 1)))


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    short_name: str | None


@dataclass(frozen=True)
class ReleaseSource:
    """One synthetic release: where it lives and what it says."""

    date: dt.date
    slug: str
    title: str
    front: dict[str, Any]
    body: str

    @property
    def file_name(self) -> str:
        return f"{self.date.isoformat()}-{self.slug}.md"

    @property
    def url(self) -> str:
        return f"press/{self.date.year}/{self.slug}/"


@dataclass(frozen=True)
class Newsroom:
    partners: list[Partner]
    campaigns: list[str]
    releases: list[ReleaseSource]


def slug_of(text: str, words: int = 8) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:words])


class Writer:
    """Deterministic copy: the same seed writes the same newsroom, byte for byte."""

    def __init__(self, seed: int, words: Vocabulary = ENGLISH) -> None:
        self.random = random.Random(seed)
        self.words = words

    def pick(self, choices: tuple[str, ...] | list[str]) -> str:
        return self.random.choice(choices)

    def fill(self, template: str, **known: str) -> str:
        words = self.words
        year = self.random.randint(2012, 2024)
        slots = {
            "agency": self.pick(words.agencies), "technology": self.pick(words.technologies),
            "issue": self.pick(words.issues), "city": self.pick(CITIES),
            "month": self.pick(words.months), "day": str(self.random.randint(1, 28)),
            "year": str(year), "later_year": str(year + self.random.randint(1, 3)),
            "number": f"{self.random.randint(3, 4000):,}".replace(",", words.thousands),
            "count": str(self.random.randint(2, 19)),
            "percent": str(self.random.randint(5, 60)),
            "money": words.money.format(whole=self.random.randint(2, 90),
                                        tenth=self.random.randint(1, 9)),
            **known,
        }
        return template.format(**slots)

    def person(self) -> tuple[str, str]:
        return self.pick(FIRST_NAMES), self.pick(LAST_NAMES)

    def partners(self, count: int = 20) -> list[Partner]:
        names: list[str] = []
        while len(names) < count:
            name = " ".join(self.pick(words) for words in PARTNER_WORDS)
            if name not in names and slug_of(name) not in {slug_of(n) for n in names}:
                names.append(name)
        made = []
        for name in names:
            initials = "".join(word[0] for word in name.split())
            short = initials if self.random.random() < 0.5 else None
            made.append(Partner(slug_of(name), name, short))
        return made

    def paragraph(self, sentences: int, **known: str) -> str:
        return " ".join(self.fill(self.pick(self.words.sentences), **known)
                        if self.random.random() < 0.5 else self.prose()
                        for _ in range(sentences))

    def prose(self) -> str:
        """A sentence of free prose, its words drawn from the language's Zipf lexicon."""
        words, weights = lexicon(self.words)
        sentence = " ".join(self.random.choices(words, cum_weights=weights,
                                                k=self.random.randint(8, 24)))
        return sentence[0].upper() + sentence[1:] + "."

    def quote(self, partner: Partner) -> str:
        first, last = self.person()
        said = self.words.said.format(first=first, last=last, job=self.pick(self.words.job_titles),
                                      partner=partner.name)
        opening = f"{self.pick(self.words.quotes)} {self.pick(self.words.quotes)}"
        return self.words.quote.format(opening=opening.removesuffix("."), said=said,
                                       closing=self.pick(self.words.quotes))

    def body(self, partners: list[Partner], words: int) -> str:
        """About `words` words of wire copy: paragraphs, a quote, a list, links, a citation."""
        vocabulary, partner = self.words, partners[0]
        blocks = [self.fill(self.pick(vocabulary.leads), group=partner.name) + " "
                  + self.paragraph(2)]
        link = f"https://{partner.id}.example.org/{self.random.choice(vocabulary.link_folders)}/"
        paragraph = self.paragraph(2)
        document = self.pick(vocabulary.documents)
        link += str(self.random.randint(100, 999))
        blocks.append(paragraph + vocabulary.read_more.format(
            document=document, link=link, partner=partner.name))
        blocks.append(self.quote(self.random.choice(partners)))
        demands = "\n".join(
            f"- {self.fill(self.pick(vocabulary.demands))}"
            for _ in range(self.random.randint(3, 5))
        )
        blocks.append(vocabulary.asking.format(agency=self.pick(vocabulary.agencies),
                                               demands=demands))
        year = self.random.randint(2015, 2024)
        blocks.append(vocabulary.memo.format(year=year, memo=self.paragraph(2)))
        if self.random.random() < 0.4:
            blocks.append(vocabulary.background)
        extras = [
            lambda: self.paragraph(self.random.randint(3, 6)),
            lambda: self.paragraph(self.random.randint(3, 6)),
            lambda: self.quote(self.random.choice(partners)),
            lambda: self.more_info(partner),
        ]
        while len("\n\n".join(blocks).split()) < words:
            blocks.append(self.random.choice(extras)())
        return "\n\n".join(blocks) + "\n"

    def more_info(self, partner: Partner) -> str:
        paragraph = self.paragraph(2)
        issue, month = self.pick(self.words.issues), self.pick(self.words.months)
        return paragraph + self.words.more_info.format(
            partner=partner.name, website=f"https://{partner.id}.example.org/", issue=issue,
            month=month)

    def about_partner(self, partner: Partner) -> str:
        """A partner's boilerplate, its "About" text."""
        kind = self.pick(self.words.organisation_kinds)
        opening = self.words.organisation.format(name=partner.name, kind=kind,
                                                 place=self.pick(self.words.places))
        return opening + self.paragraph(3) + "\n"

    def release(self, day: dt.date, partners: list[Partner], campaigns: list[str]) -> ReleaseSource:
        issuers = self.random.sample(partners, self.random.randint(1, 3))
        named = self.random.choice(issuers)
        title = self.fill(self.pick(self.words.titles), group=named.short_name or named.name)
        front: dict[str, Any] = {"title": title}
        if self.random.random() < 0.45:
            front["subtitle"] = self.fill(self.pick(self.words.subtitles))
        front["date"] = day
        if self.random.random() < 0.85:
            front["location"] = self.pick(self.words.places)
        front["partners"] = [partner.id for partner in issuers]
        front["contacts"] = [self.contact(self.random.choice(issuers))
                             for _ in range(self.random.randint(1, 2))]
        if self.random.random() < 0.8:
            front["campaign"] = self.pick(campaigns)
        front["topics"] = self.random.sample(TOPICS, self.random.randint(1, 3))
        body = self.body(issuers, self.random.randint(740, 860))
        if self.random.random() < 0.2:
            front["summary"] = self.paragraph(1)
        return ReleaseSource(day, slug_of(title), title, front, body)

    def translation(self, original: ReleaseSource, partners: dict[str, Partner]) -> str:
        """The file of `original`'s translation in this writer's language: only the fields a
        translation sets itself, and a body longer by as much as the shipped Spanish release
        is than its original (629 words against 546)."""
        issuers = [partners[identifier] for identifier in original.front["partners"]]
        named = self.random.choice(issuers)
        front = {"title": self.fill(self.pick(self.words.titles),
                                    group=named.short_name or named.name)}
        if "subtitle" in original.front:
            front["subtitle"] = self.fill(self.pick(self.words.subtitles))
        if "summary" in original.front:
            front["summary"] = self.paragraph(1)
        if "location" in original.front:
            front["location"] = self.words.places[ENGLISH.places.index(original.front["location"])]
        body = self.body(issuers, round(len(original.body.split()) * 629 / 546))
        return _front_matter(front, body)

    def contact(self, partner: Partner) -> dict[str, str]:
        first, last = self.person()
        contact = {"name": f"{first} {last}", "title": self.pick(JOB_TITLES), "org": partner.id,
                   "email": f"{slug_of(first)}.{slug_of(last)}@{partner.id}.example.org"}
        if self.random.random() < 0.4:
            digits = f"{self.random.randint(0, 9)} {self.random.randint(1000, 9999)}"
            contact["phone"] = f"+1 555 01{digits}"
        return contact


def synthetic_newsroom(releases: int, seed: int = SEED) -> Newsroom:
    writer = Writer(seed)
    partners = writer.partners(20)
    campaigns = [slug_of(title) for title in CAMPAIGN_TITLES]
    made: list[ReleaseSource] = []
    taken: set[tuple[int, str]] = set()
    for _ in range(releases):
        day = FIRST_DAY + dt.timedelta(days=writer.random.randrange(DAYS))
        release = writer.release(day, partners, campaigns)
        # Two releases in one year may not share an address: number the later one.
        slug, number = release.slug, 2
        while (day.year, slug) in taken:
            slug, number = f"{release.slug}-{number}", number + 1
        taken.add((day.year, slug))
        made.append(ReleaseSource(day, slug, release.title, release.front, release.body))
    return Newsroom(partners, campaigns, sorted(made, key=lambda r: (r.date, r.slug)))


def _front_matter(front: dict[str, Any], body: str) -> str:
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n{body}"


def write_content(newsroom: Newsroom, docs: Path, seed: int = SEED) -> None:
    """Partner and campaign pages, home and about: the same in both variants."""
    writer = Writer(seed + 1)
    for partner in newsroom.partners:
        front: dict[str, Any] = {"name": partner.name}
        if partner.short_name:
            front["short_name"] = partner.short_name
        front["website"] = f"https://{partner.id}.example.org/"
        if writer.random.random() < 0.5:
            front["social"] = {"mastodon": f"https://social.example.org/@{partner.id}"}
        front["contacts"] = [writer.contact(partner)]
        _write(docs / "partners" / f"{partner.id}.md",
               _front_matter(front, writer.about_partner(partner)))
    for title in CAMPAIGN_TITLES:
        front = {
            "title": title,
            "partners": [p.id for p in writer.random.sample(newsroom.partners, 3)],
            "status": "active" if writer.random.random() < 0.7 else "closed",
            "summary": writer.paragraph(1),
        }
        text = writer.paragraph(4) + "\n\n" + writer.paragraph(3) + "\n"
        _write(docs / "campaigns" / f"{slug_of(title)}.md", _front_matter(front, text))
    _write_home_and_about(writer, docs, "")


def write_spanish(newsroom: Newsroom, docs: Path, releases_dir: Path, seed: int = SEED) -> None:
    """The Spanish version of every release and page, in the content conventions: only the
    fields a translation sets, everything else taken from the original."""
    writer = Writer(seed + 2, SPANISH)
    for partner in newsroom.partners:  # a partner's Spanish page is its "About" text alone
        _write(docs / "partners" / f"{partner.id}.es.md", writer.about_partner(partner))
    for english, spanish in zip(CAMPAIGN_TITLES, SPANISH.campaign_titles, strict=True):
        front = {"title": spanish, "summary": writer.paragraph(1)}
        text = writer.paragraph(4) + "\n\n" + writer.paragraph(3) + "\n"
        _write(docs / "campaigns" / f"{slug_of(english)}.es.md", _front_matter(front, text))
    _write_home_and_about(writer, docs, ".es")
    partners = {partner.id: partner for partner in newsroom.partners}
    for release in newsroom.releases:
        stem = release.file_name.removesuffix(".md")
        _write(releases_dir / f"{stem}.es.md", writer.translation(release, partners))


def _write_home_and_about(writer: Writer, docs: Path, suffix: str) -> None:
    words = writer.words
    home = f"# {words.home_heading}\n\n" + writer.paragraph(4) + "\n"
    _write(docs / f"index{suffix}.md", _front_matter({"title": words.home_title}, home))
    about = writer.paragraph(5) + "\n"
    _write(docs / f"about{suffix}.md", _front_matter({"title": words.about_title}, about))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- Site configuration, taken from the repository's own mkdocs.yml --------------------------


class _Tagged:
    """A YAML value with a tag (`!ENV`, `!!python/name:…`), carried through unchanged."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader) -> None:
        self.tag = tag
        if isinstance(node, yaml.ScalarNode):
            self.value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            self.value = loader.construct_sequence(node, deep=True)
        else:
            self.value = loader.construct_mapping(node, deep=True)


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node, loader)


def _dump_tagged(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


_ConfigLoader.add_multi_constructor("!", _keep_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_ConfigDumper.add_representer(_Tagged, _dump_tagged)


def shipped_config(repo: Path = REPO) -> dict[str, Any]:
    with open(repo / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml.load(file, Loader=_ConfigLoader)  # a SafeLoader: no objects built
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((repo / theme["custom_dir"]).resolve())
    if config.get("hooks"):
        config["hooks"] = [str((repo / hook).resolve()) for hook in config["hooks"]]
    for key in ("docs_dir", "site_dir", "INHERIT", "watch"):
        config.pop(key, None)
    return config


def _plugins(config: dict[str, Any]) -> list[tuple[str, Any]]:
    plugins = config.get("plugins", ["search"])
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins]


def _as_yaml_plugins(plugins: list[tuple[str, Any]]) -> list[Any]:
    return [name if options is None else {name: options} for name, options in plugins]


def _nav_within(nav: list[Any], exists: set[str]) -> list[Any]:
    """The nav without entries whose page does not exist (Pressroom generates those)."""
    kept: list[Any] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            children = _nav_within(value, exists)
            if children:
                kept.append({next(iter(entry)): children})
        elif not isinstance(value, str) or "://" in value or value in exists:
            kept.append(entry)
    return kept


def _plain_overrides(custom_dir: Path, destination: Path) -> Path:
    """The site's overrides, with Pressroom's templates present but empty.

    The overrides include Pressroom's head partial, which only the plugin provides; a plain
    build renders it as nothing rather than failing on a missing template.
    """
    templates = PRESSROOM_PACKAGE / "mkdocs" / "templates"
    for template in templates.rglob("*.html"):
        _write(destination / template.relative_to(templates), "")
    shutil.copytree(custom_dir, destination, dirs_exist_ok=True)
    return destination


def _dump_config(config: dict[str, Any], path: Path) -> None:
    text = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Sites:
    pressroom: Path
    plain: Path
    sample_page: str  # the release page whose transfer is measured, a site URL
    site_url: str
    plugins: dict[str, list[str]]  # the plugins each variant builds with


def _with_languages(config: dict[str, Any], languages: list[str]) -> dict[str, Any]:
    """The configuration with the Pressroom plugin set to publish in `languages`."""
    plugins = [(name, dict(options or {}, languages=languages) if name == "pressroom"
                else options) for name, options in _plugins(config)]
    return dict(config, plugins=_as_yaml_plugins(plugins))


def write_pressroom_site(
    site: Path, newsroom: Newsroom, config: dict[str, Any], languages: list[str],
    seed: int = SEED, repo: Path = REPO,
) -> None:
    """One Pressroom site of the synthetic newsroom, in English or in English and Spanish."""
    config = _with_languages(config, languages)
    options = dict(_plugins(config))["pressroom"]
    write_content(newsroom, site / "docs", seed)
    _copy_other_docs(repo / "docs", site / "docs")
    releases_dir = site / options.get("releases_dir", "press_releases")
    for release in newsroom.releases:
        _write(releases_dir / release.file_name, _front_matter(release.front, release.body))
    if "es" in languages:
        write_spanish(newsroom, site / "docs", releases_dir, seed)
    _dump_config(config, site / "mkdocs.yml")


def write_sites(
    folder: Path, releases: int, seed: int = SEED, repo: Path = REPO, plain_search: bool = True
) -> Sites:
    """Both variants of one synthetic newsroom, ready for `mkdocs build`.

    The Pressroom variant is the shipped mkdocs.yml in its first language only: the synthetic
    releases are English (`write_bilingual_sites` measures the cost of a second language).
    The plain variant keeps every plugin of the shipped mkdocs.yml but Pressroom. With
    `plain_search` it has Material's search plugin even if the shipped site does not (its
    search now comes from Pressroom): plain MkDocs has search by default, and a comparison
    of a site with search against one without would flatter neither.
    """
    newsroom = synthetic_newsroom(releases, seed)
    config = shipped_config(repo)
    plugins = _plugins(config)
    pressroom = folder / "pressroom"
    write_pressroom_site(pressroom, newsroom, config, _languages(config)[:1], seed, repo)

    plain = folder / "plain"
    write_content(newsroom, plain / "docs", seed)
    _copy_other_docs(repo / "docs", plain / "docs")
    for release in newsroom.releases:
        page = plain / "docs" / "press" / str(release.date.year) / f"{release.slug}.md"
        _write(page, _front_matter({"title": release.title}, release.body))
    plain_config = dict(config)
    plain_plugins = [plugin for plugin in plugins if plugin[0] != "pressroom"]
    if plain_search and not any(name in {"search", "material/search"} for name, _ in plugins):
        plain_plugins.insert(0, ("search", None))
    plain_config["plugins"] = _as_yaml_plugins(plain_plugins)
    theme = plain_config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme = plain_config["theme"] = dict(theme)
        theme["custom_dir"] = str(_plain_overrides(Path(theme["custom_dir"]), plain / "overrides"))
    pages = {p.relative_to(plain / "docs").as_posix() for p in (plain / "docs").rglob("*.md")}
    plain_config["nav"] = _nav_within(config.get("nav") or ["index.md"], pages)
    # Like Pressroom's releases: reachable, indexed for search, but not listed in the nav.
    plain_config["not_in_nav"] = "/press/\n/partners/\n/campaigns/\n"
    _dump_config(plain_config, plain / "mkdocs.yml")

    middle = newsroom.releases[len(newsroom.releases) // 2]
    plugins_used = {"pressroom": [name for name, _ in plugins],
                    "plain": [name for name, _ in plain_plugins]}
    return Sites(pressroom, plain, middle.url, config.get("site_url") or "", plugins_used)


def _languages(config: dict[str, Any]) -> list[str]:
    options = dict(_plugins(config)).get("pressroom") or {}
    return list(options.get("languages") or ["en"])


@dataclass(frozen=True)
class BilingualSites:
    english: Path  # the N English releases, `languages: [en]`
    bilingual: Path  # the same, plus their N Spanish translations, `languages: [en, es]`
    sample_page: str  # one English release, a site URL; its Spanish version is under es/


def write_bilingual_sites(folder: Path, releases: int, seed: int = SEED,
                          repo: Path = REPO) -> BilingualSites:
    """The cost of a second language: one newsroom in English, and in English and Spanish."""
    newsroom = synthetic_newsroom(releases, seed)
    config = shipped_config(repo)
    write_pressroom_site(folder / "english", newsroom, config, ["en"], seed, repo)
    write_pressroom_site(folder / "bilingual", newsroom, config, ["en", "es"], seed, repo)
    middle = newsroom.releases[len(newsroom.releases) // 2]
    return BilingualSites(folder / "english", folder / "bilingual", middle.url)


def _copy_other_docs(source: Path, destination: Path) -> None:
    """Pages and assets of the shipped docs/ that the synthetic content does not replace.

    Translations (`about.es.md`) are left out: the synthetic newsroom writes its own, in the
    variants that publish in that language.
    """
    for path in sorted(source.rglob("*")) if source.is_dir() else []:
        relative = path.relative_to(source)
        if path.is_dir() or relative.parts[0] in {"partners", "campaigns", "press"}:
            continue
        if TRANSLATION_FILE.search(path.name):
            continue
        if not (destination / relative).exists():
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination / relative)


# --- Measuring a build -----------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_rss: int  # bytes: the build's peak memory, as below
    largest_process_rss: int  # bytes: peak of the largest single process (wait4, exact)
    tree_rss: int  # bytes: peak sum over the build and its children (sampled, 0 if no /proc)
    reported_seconds: float | None  # what MkDocs itself says, without interpreter start-up
    # User and system CPU time of the build (wait4): steadier than wall time on a busy machine.
    cpu_seconds: float = 0.0
    # What the build log says of the search index: Pagefind's time and its program's peak.
    search_seconds: float | None = None
    search_peak_rss: int | None = None


def build_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.update({"NO_MKDOCS_2_WARNING": "1", "PRESSROOM_NOW": CLOCK})
    return environment


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def process_tree_rss(root: int) -> int:
    """Resident memory of `root` and all its descendants now, from /proc (Linux)."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        resident[pid] = int(fields[21]) * _PAGE_SIZE
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier += children
    return sum(resident.get(pid, 0) for pid in tree)


class _TreeMemory(threading.Thread):
    """Samples the build's whole process tree, ten times a second.

    wait4's ru_maxrss is exact but per process: should a build run a child process (a
    search indexer, say) while MkDocs holds its own memory, the machine needs the sum.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self.stopped.wait(0.1):
            self.peak = max(self.peak, process_tree_rss(self.pid))


def mkdocs_build(site: Path, out: Path, *extra: str, profile: Path | None = None) -> Run:
    """One clean build in a fresh interpreter, timed, with its peak memory."""
    shutil.rmtree(out, ignore_errors=True)
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    command = [sys.executable, *profiler, "-m", "mkdocs", "build", "--clean",
               "--site-dir", str(out), *extra]
    log_path = out.with_name(out.name + ".log")
    with open(log_path, "w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=site, env=build_environment(),
                                   stdout=log, stderr=subprocess.STDOUT)
        sampler = _TreeMemory(process.pid)
        sampler.start()
        # wait4 rather than Popen.wait: it returns the child's own resource usage, whose
        # ru_maxrss is the peak resident memory of the largest process (KiB on Linux).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stopped.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise SystemExit(f"build failed in {site} (exit {process.returncode}):\n{output[-4000:]}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", output)
    search = SEARCH_LOG.search(output)
    largest = usage.ru_maxrss * 1024
    return Run(seconds, max(largest, sampler.peak), largest, sampler.peak,
               float(reported[1]) if reported else None, usage.ru_utime + usage.ru_stime,
               float(search[1]) if search else None, int(search[2]) * 10**6 if search else None)


SEARCH_LOG = re.compile(r"search index of [\d,]+ pages in \d+ parts written in ([\d.]+) s "
                        r"\(Pagefind, (\d+) MB at most\)")


def site_size(out: Path) -> tuple[int, int]:
    files = [path for path in out.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


# --- What a visitor transfers to read one release ----------------------------------------

# <link rel> values a browser fetches while loading the page (not feeds, canonical, prefetch).
FETCHED_LINK_RELS = frozenset({
    "stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload",
    "modulepreload",
})
CSS_REFERENCE = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _PageReferences(HTMLParser):
    """Everything in a page's HTML that makes the browser, or Material's bundle, fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[tuple[str, str]] = []  # (URL as written, why it is fetched)
        self.scripts: list[str] = []
        self.alternates: list[str] = []
        self.forms: set[str] = set()
        self.repository: str | None = None
        self.material_config: dict[str, Any] | None = None
        self._in_config = False
        self._config_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        rels = set(attributes.get("rel", "").lower().split())
        if tag == "link" and rels & FETCHED_LINK_RELS and attributes.get("href"):
            self.fetched.append((attributes["href"], "link rel=" + attributes["rel"]))
        elif tag == "link" and "alternate" in rels and attributes.get("href"):
            self.alternates.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.fetched.append((attributes["src"], "script"))
            self.scripts.append(attributes["src"])
        elif tag == "script" and attributes.get("id") == "__config":
            self._in_config = True
        elif tag == "img" and attributes.get("src"):
            self.fetched.append((attributes["src"], "img"))
        elif tag == "form" and attributes.get("name"):
            self.forms.add(attributes["name"])
        if attributes.get("data-md-component") == "source" and attributes.get("href"):
            self.repository = attributes["href"]

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self._config_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_config:
            self._in_config = False
            self.material_config = json.loads("".join(self._config_text))


def fetched_by_scripts(page: _PageReferences, page_url: str) -> list[tuple[str, str]]:
    """What the page's scripts fetch by themselves as soon as it loads, before any click.

    The rules, explicit, are those of Material 9.8's bundle (read in its source); no other
    script is known to fetch on load. Search that loads its index only on a Search page
    costs nothing here: its scripts and styles count only when the page itself references
    them.

    - The page has Material's search box (`<form name="search">`, present when Material's
      search plugin is on): the bundle starts the search worker and fetches the whole
      index, search/search_index.json, on every page load, whether or not anyone searches.
    - For each `<link rel="alternate">` (feeds included), the bundle fetches sitemap.xml in
      that link's folder, to map pages between language versions.
    - With `navigation.instant`, it fetches the site's sitemap.xml.
    - A repository link (`repo_url`) makes it ask the hosting service for stars and forks.
    """
    config = page.material_config
    if config is None or not any("assets/javascripts/bundle." in src for src in page.scripts):
        return []
    base = urljoin(page_url, config.get("base", ".").rstrip("/") + "/")
    fetched = []
    if "search" in page.forms and config.get("search"):
        fetched.append((urljoin(page_url, config["search"]), "Material search worker"))
        fetched.append((urljoin(base, "search/search_index.json"), "Material search index"))
    for alternate in page.alternates:
        fetched.append((urljoin(urljoin(page_url, alternate), "sitemap.xml"),
                        f"Material, for rel=alternate {alternate}"))
    if "navigation.instant" in (config.get("features") or []):
        fetched.append((urljoin(base, "sitemap.xml"), "Material instant navigation"))
    if page.repository:
        fetched.append((page.repository, "Material repository facts (its hosting API)"))
    return fetched


@dataclass
class Asset:
    url: str
    reason: str
    bytes: int
    gzip_bytes: int


@dataclass
class Transfer:
    page: str
    gzip_bytes: int = 0
    assets: list[Asset] = field(default_factory=list)
    external: list[str] = field(default_factory=list)  # third-party requests: none expected
    missing: list[str] = field(default_factory=list)


def gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=6, mtime=0))


def _site_path(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def page_transfer(site: Path, page_url: str, site_url: str = "") -> Transfer:
    """Gzipped bytes to load `page_url` (a site URL such as press/2020/slug/) and all it pulls.

    The site is taken as served from the root, with absolute links to `site_url` as local;
    each URL counts once (the browser's cache serves repeats). A URL the site lacks costs
    what GitHub Pages answers: the site's 404.html.
    """
    page_url = "/" + page_url.lstrip("/")
    html = _site_path(site, page_url).read_bytes()
    transfer = Transfer(page_url, gzip_size(html))
    references = _PageReferences()
    references.feed(html.decode("utf-8"))
    references.close()
    queue = [(urljoin(page_url, href), why) for href, why in references.fetched]
    queue += fetched_by_scripts(references, page_url)
    seen: set[str] = set()
    while queue:
        url, reason = queue.pop(0)
        if site_url and url.startswith(site_url):
            url = "/" + url[len(site_url):].lstrip("/")
        parts = urlsplit(url)
        if parts.scheme == "data":
            continue
        if parts.scheme or parts.netloc:
            transfer.external.append(url)
            continue
        if parts.path in seen:
            continue
        seen.add(parts.path)
        path = _site_path(site, parts.path)
        if not path.is_file():
            transfer.missing.append(parts.path)
            path = site / "404.html"
            reason = f"not found: {parts.path} ({reason}); served 404.html"
            if not path.is_file():
                continue
        content = path.read_bytes()
        asset = Asset(parts.path, reason, len(content), gzip_size(content))
        transfer.assets.append(asset)
        transfer.gzip_bytes += asset.gzip_bytes
        if path.suffix == ".css":
            # Fonts and images a stylesheet names; Material's own are inlined as data: URLs.
            for match in CSS_REFERENCE.finditer(content.decode("utf-8", "replace")):
                queue.append((urljoin(parts.path, match[1] or match[2]), f"from {parts.path}"))
    return transfer


# --- What a visitor who searches downloads ------------------------------------------------


@dataclass
class SearchCost:
    """Bytes a visitor's browser receives (bodies as sent, gzipped, plus headers) from
    opening the Search page until its first query's results show, then for a second query."""

    first_query: str
    first_bytes: int
    first_results: int
    second_query: str
    second_bytes: int
    second_results: int


# The Search page has shown a query's results (or said it found none).
RESULTS_SHOWN = """(query) => {
  const status = document.getElementById("pressroom-search-status").textContent;
  return status.includes(query) && !status.endsWith("…");
}"""


def search_queries(words: Vocabulary = ENGLISH) -> tuple[str, str]:
    """Two words of the lexicon releases are written with: a common one, then a rarer one."""
    lexicon_words, _ = lexicon(words)
    return lexicon_words[40], lexicon_words[4000]


def search_cost(out: Path, queries: tuple[str, str]) -> SearchCost | None:
    """Search the built site in Chromium, served gzipped on 127.0.0.1 as a host would."""
    if not Path(CHROMIUM).exists() or not (out / "pagefind").is_dir():
        return None
    from lighthouse import serving  # scripts/lighthouse.py: its gzip static host
    from playwright.sync_api import sync_playwright

    with serving(out) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        received: list[int] = []

        def finished(request: Any) -> None:
            sizes = request.sizes()
            received.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

        context.on("requestfinished", finished)  # the page's and its worker's requests
        page = context.new_page()
        page.goto(base + "/search/", wait_until="load")
        counts, sums = [], []
        for query in queries:
            before = len(received)
            page.fill("#pressroom-search-words", query)
            page.press("#pressroom-search-words", "Enter")
            page.wait_for_function(RESULTS_SHOWN, arg=query, timeout=60_000)
            page.wait_for_timeout(200)  # a request the results started, still finishing
            counts.append(page.locator(".pressroom-search__results > li").count())
            sums.append(sum(received[before:]))
        browser.close()
    return SearchCost(queries[0], sums[0], counts[0], queries[1], sums[1], counts[1])


# --- Running the comparison --------------------------------------------------------------


@dataclass
class Variant:
    runs: list[Run] = field(default_factory=list)
    output_bytes: int = 0
    files: int = 0
    transfer: Transfer | None = None
    search: SearchCost | None = None

    @property
    def search_seconds(self) -> float | None:
        found = [run.search_seconds for run in self.runs if run.search_seconds is not None]
        return statistics.median(found) if found else None

    @property
    def search_peak_rss(self) -> int | None:
        found = [run.search_peak_rss for run in self.runs if run.search_peak_rss is not None]
        return max(found) if found else None

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak_rss(self) -> int:
        return int(statistics.median(run.peak_rss for run in self.runs))

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)


def ratios(a: Variant, b: Variant) -> dict[str, float]:
    """How much `a` costs against `b`: time, peak memory, output and files."""
    return {
        "seconds": a.seconds / b.seconds,
        "cpu_seconds": a.cpu_seconds / b.cpu_seconds,
        "peak_rss": a.peak_rss / b.peak_rss,
        "output_bytes": a.output_bytes / b.output_bytes,
        "files": a.files / b.files,
    }


@dataclass
class Result:
    releases: int
    generate_seconds: float
    plugins: dict[str, list[str]]
    pressroom: Variant
    plain: Variant

    def ratios(self) -> dict[str, float]:
        return ratios(self.pressroom, self.plain)


@dataclass
class BilingualResult:
    releases: int  # English releases; the bilingual build has as many Spanish ones besides
    generate_seconds: float
    english: Variant
    bilingual: Variant

    def ratios(self) -> dict[str, float]:
        return ratios(self.bilingual, self.english)

    def round_ratios(self, measure: str = "seconds") -> list[float]:
        """Each round's ratio of `measure`: the two builds of a round ran back to back."""
        rounds = zip(self.english.runs, self.bilingual.runs, strict=True)
        return [getattr(bilingual, measure) / getattr(english, measure)
                for english, bilingual in rounds]


def measure(sites: dict[str, Path], repeat: int, say: Any = print) -> dict[str, Variant]:
    """`repeat` rounds of one clean build of each site, in turn, and each site's output."""
    variants = {name: Variant() for name in sites}
    for round_number in range(1, repeat + 1):
        # Alternate, so a slow spell on the machine hits every variant alike.
        for name, site in sites.items():
            run = mkdocs_build(site, site / "_site")
            variants[name].runs.append(run)
            say(f"  round {round_number}/{repeat} {name:9} {run.seconds:6.1f} s "
                f"(CPU {run.cpu_seconds:5.1f} s) {run.peak_rss / 1e6:6.0f} MB")
    for name, site in sites.items():
        variants[name].output_bytes, variants[name].files = site_size(site / "_site")
    return variants


def bench(
    releases: int, repeat: int, workdir: Path, plain_search: bool = True, say: Any = print
) -> Result:
    folder = workdir / str(releases)
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    sites = write_sites(folder, releases, plain_search=plain_search)
    generated = time.perf_counter() - start
    say(f"{releases} releases: generated in {generated:.1f} s under {folder}")
    variants = measure({"pressroom": sites.pressroom, "plain": sites.plain}, repeat, say)
    for name, site in (("pressroom", sites.pressroom), ("plain", sites.plain)):
        variants[name].transfer = page_transfer(site / "_site", sites.sample_page, sites.site_url)
    variants["pressroom"].search = search_cost(sites.pressroom / "_site", search_queries())
    return Result(releases, generated, sites.plugins, variants["pressroom"], variants["plain"])


def bench_bilingual(releases: int, repeat: int, workdir: Path,
                    say: Any = print) -> BilingualResult:
    folder = workdir / f"{releases}-bilingual"
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    sites = write_bilingual_sites(folder, releases)
    generated = time.perf_counter() - start
    say(f"{releases} releases, and {releases} Spanish translations: generated in "
        f"{generated:.1f} s under {folder}")
    variants = measure({"english": sites.english, "bilingual": sites.bilingual}, repeat, say)
    return BilingualResult(releases, generated, variants["english"], variants["bilingual"])


def profile_build(site: Path, destination: Path, top: int = 15) -> str:
    """One Pressroom build under cProfile; the package's slowest entries, by cumulative time."""
    import pstats

    mkdocs_build(site, site / "_site_profiled", profile=destination)
    stats = pstats.Stats(str(destination))
    package = str(PRESSROOM_PACKAGE)
    timings: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    ours = [(key, value) for key, value in timings.items() if key[0].startswith(package)]
    entries = sorted(ours, key=lambda entry: entry[1][3], reverse=True)
    lines = ["| Cumulative s | Own s | Calls | Function |", "|---:|---:|---:|---|"]
    for (file_name, line, function), (_, calls, own, cumulative, _) in entries[:top]:
        where = f"{Path(file_name).relative_to(PRESSROOM_PACKAGE.parent)}:{line} {function}"
        lines.append(f"| {cumulative:.2f} | {own:.2f} | {calls:,} | `{where}` |")
    return "\n".join(lines)


# --- Live editing under `mkdocs serve` -------------------------------------------------------

LIVE_MODES = {"serve": (), "serve --dirty": ("--dirty",)}
POLL = 0.05  # seconds between two looks at the served page
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# What `mkdocs serve` adds to every page it serves, and what differs from one server to the
# next (its epoch, its port): left out when two servers' pages are compared.
LIVERELOAD_SCRIPT = re.compile(r"<script>\s*var livereload = .*?</script>", re.S)
# Also percent-encoded, as in the share row's mailto: link.
SERVED_BASE = re.compile(r"127\.0\.0\.1(?::|%3A)\d+")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_get(url: str, timeout: float = 60) -> tuple[int, str]:
    """Status and text of `url`; 0 when nothing answers. `mkdocs serve` holds requests while it
    rebuilds, so the timeout covers a whole build."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_until(check: Any, timeout: float, interval: float = POLL,
               since: float | None = None) -> float | None:
    """Seconds from `since` (default: now) until `check()` is true, looking every `interval`;
    None if not within `timeout`."""
    start = time.perf_counter() if since is None else since
    while True:
        if check():
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            return None
        time.sleep(interval)


def releases_folder(site: Path) -> Path:
    with open(site / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml.load(file, Loader=_ConfigLoader)
    options = dict(_plugins(config)).get("pressroom") or {}
    return site / options.get("releases_dir", "press_releases")


def newest_release(site: Path) -> tuple[Path, str]:
    """The newest release file and its page (a site URL): first in /press/ and in every feed."""
    path = sorted(releases_folder(site).glob("*.md"))[-1]
    day, slug = path.stem[:10], path.stem[11:]
    return path, f"press/{day[:4]}/{slug}/"


def edit_release(path: Path, original: str, marker: str) -> None:
    """Save the release as an editor would: a new headline and a new first paragraph."""
    _, front_text, body = original.split("---\n", 2)
    front = yaml.safe_load(front_text)
    front["title"] = f"{front['title']} {marker}"
    path.write_text(_front_matter(front, f"Updated: {marker}.\n\n{body}"), encoding="utf-8")


class Server:
    """`mkdocs serve --livereload` on a free loopback port, its output in a log file."""

    def __init__(self, site: Path, extra: tuple[str, ...] = (), timeout: float = 600) -> None:
        with open(site / "mkdocs.yml", encoding="utf-8") as file:
            site_url = yaml.load(file, Loader=_ConfigLoader).get("site_url") or "/"
        self.base = f"http://127.0.0.1:{free_port()}{urlsplit(site_url).path or '/'}"
        # Beside the site, where MkDocs does not watch.
        self.log = site.parent / f"serve{''.join('-' + a.strip('-') for a in extra)}.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload",
                   "-a", urlsplit(self.base).netloc, *extra]
        with open(self.log, "w", encoding="utf-8") as log:
            start = time.perf_counter()
            self.process = subprocess.Popen(command, cwd=site, env=build_environment(),
                                            stdout=log, stderr=subprocess.STDOUT)
        ready = wait_until(lambda: self.process.poll() is not None
                           or http_get(self.base, timeout=5)[0] == 200, timeout, interval=0.2)
        if ready is None or self.process.poll() is not None:
            self.stop()
            raise SystemExit(f"mkdocs serve did not start in {site}:\n{self.output()[-4000:]}")
        self.startup_seconds = time.perf_counter() - start

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def build_seconds(self) -> list[float]:
        """What MkDocs reports for each build so far, start-up's first."""
        return [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds",
                                             self.output())]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class Edit:
    marker: str
    page_seconds: float | None  # from the write until the served page shows the marker
    browser_seconds: float | None  # until the open page has reloaded itself and shows it
    build_seconds: float | None  # the rebuild alone, as MkDocs reports it
    listing_shows: bool  # /press/ shows the new headline
    feed_shows: bool  # the newsroom's RSS feed carries it


@dataclass
class LiveMode:
    name: str
    startup_seconds: float
    first_build_seconds: float | None
    edits: list[Edit] = field(default_factory=list)
    # Served pages and feeds that differ from a full rebuild of the same sources (None: not
    # compared), out of how many.
    differing: list[str] | None = None
    compared: int = 0

    def seconds(self, kind: str) -> list[float]:
        return [getattr(edit, kind) for edit in self.edits if getattr(edit, kind) is not None]


@dataclass
class LiveResult:
    releases: int
    page: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    modes: list[LiveMode]


class _Browser:
    """Debian's Chromium through Playwright, headless; None-like when `enabled` is false."""

    def __init__(self, enabled: bool) -> None:
        self.driver = self.browser = None
        if enabled:
            from playwright.sync_api import sync_playwright

            self.driver = sync_playwright().start()
            self.browser = self.driver.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

    def open(self, url: str) -> Any:
        if self.browser is None:
            return None
        page = self.browser.new_page()
        page.goto(url, wait_until="load")
        return page

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
        if self.driver is not None:
            self.driver.stop()


def _browser_sees(tab: Any, marker: str, since: float, timeout: float) -> float | None:
    """Seconds from `since` until the open tab, reloaded by MkDocs' livereload script (no one
    touches it), shows `marker`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        tab.wait_for_function(
            "marker => document.body !== null && document.body.innerText.includes(marker)",
            arg=marker, timeout=timeout * 1000, polling=POLL * 1000)
    except PlaywrightTimeout:
        return None
    return time.perf_counter() - since


def measure_edit(server: Server, browser: _Browser, path: Path, original: str, page_url: str,
                 marker: str, timeout: float) -> Edit:
    """Save one release and time how long the server, and an open browser, take to show it."""
    url = server.base + page_url
    tab = browser.open(url)
    builds = len(server.build_seconds())
    seen: dict[str, float | None] = {}
    written = time.perf_counter()
    edit_release(path, original, marker)

    def served() -> None:
        seen["page"] = wait_until(lambda: marker in http_get(url)[1], timeout, since=written)

    poller = threading.Thread(target=served, daemon=True)
    poller.start()
    browser_seconds = None
    if tab is not None:
        browser_seconds = _browser_sees(tab, marker, written, timeout)
        tab.close()
    poller.join()
    wait_until(lambda: len(server.build_seconds()) > builds, 5)
    rebuilds = server.build_seconds()[builds:]
    return Edit(
        marker, seen.get("page"), browser_seconds, rebuilds[0] if rebuilds else None,
        marker in http_get(server.base + "press/")[1],
        marker in http_get(server.base + "press/feed.xml")[1],
    )


def served_snapshot(server: Server) -> dict[str, str]:
    """Every page in the served sitemap and every feed they link, as served (normalised)."""
    _, sitemap = http_get(server.base + "sitemap.xml")
    served = SERVED_BASE.sub("127.0.0.1:port", sitemap)
    urls = [loc.removeprefix(server.base)
            for loc in re.findall(r"<loc>\s*(.*?)\s*</loc>", sitemap)]
    snapshot: dict[str, str] = {"sitemap.xml": served}
    feeds: set[str] = set()
    for url in urls:
        _, text = http_get(server.base + url)
        snapshot[url] = SERVED_BASE.sub("127.0.0.1:port", LIVERELOAD_SCRIPT.sub("", text))
        for href in re.findall(r'<link rel="alternate" type="application/[a-z+]+" '
                               r'[^>]*href="([^"]+)"', text):
            feeds.add(urlsplit(urljoin(server.base + url, href)).path)
    mount = urlsplit(server.base).path
    for feed in sorted(feeds):
        _, text = http_get(urljoin(server.base, feed))
        snapshot[feed.removeprefix(mount)] = SERVED_BASE.sub("127.0.0.1:port", text)
    return snapshot


def differing(snapshot: dict[str, str], reference: dict[str, str]) -> list[str]:
    return sorted(url for url in snapshot.keys() | reference.keys()
                  if snapshot.get(url) != reference.get(url))


def live_bench(releases: int, edits: int, workdir: Path, modes: tuple[str, ...] = tuple(LIVE_MODES),
               use_browser: bool = True, timeout: float = 180, say: Any = print) -> LiveResult:
    """Save the newest release `edits` times under each `mkdocs serve` mode and time each.

    A mode with options (--dirty) runs before plain `serve`, so that plain serve's first,
    full build of the very same sources tells which of its served pages and feeds are stale.
    """
    folder = workdir / str(releases)
    shutil.rmtree(folder, ignore_errors=True)
    site = write_sites(folder, releases).pressroom
    path, page_url = newest_release(site)
    original = path.read_text(encoding="utf-8")
    ordered = sorted(modes, key=lambda name: not LIVE_MODES[name])
    load_before = os.getloadavg()
    say(f"{releases} releases under {site}; editing {page_url} (load {load_before[0]:.2f})")
    results: list[LiveMode] = []
    to_check: tuple[LiveMode, dict[str, str]] | None = None
    browser = _Browser(use_browser)
    try:
        for name in ordered:
            with Server(site, LIVE_MODES[name], timeout) as server:
                builds = server.build_seconds()
                mode = LiveMode(name, server.startup_seconds, builds[0] if builds else None)
                say(f"  mkdocs {name}: started in {mode.startup_seconds:.1f} s")
                if to_check is not None:
                    reference = served_snapshot(server)
                    to_check[0].differing = differing(to_check[1], reference)
                    to_check[0].compared = len(reference)
                for number in range(1, edits + 1):
                    marker = f"Livemark{len(results)}{number:03d}q"
                    edit = measure_edit(server, browser, path, original, page_url, marker, timeout)
                    mode.edits.append(edit)
                    say(f"  mkdocs {name}: edit {number}/{edits}: served {_secs(edit.page_seconds)}"
                        f", browser {_secs(edit.browser_seconds)}, rebuild "
                        f"{_secs(edit.build_seconds)}; /press/ {_yes(edit.listing_shows)}, "
                        f"feed {_yes(edit.feed_shows)}")
                if LIVE_MODES[name]:
                    to_check = (mode, served_snapshot(server))
                results.append(mode)
    finally:
        browser.close()
        path.write_text(original, encoding="utf-8")
    return LiveResult(releases, page_url, load_before, os.getloadavg(), results)


def _secs(value: float | None) -> str:
    return "not seen" if value is None else f"{value:.2f} s"


def _yes(value: bool) -> str:
    return "updated" if value else "STALE"


def _spread(values: list[float], expected: int) -> str:
    if not values:
        return "–"
    missed = f", {expected - len(values)} not seen" if len(values) < expected else ""
    return f"{statistics.median(values):.2f} s / {max(values):.2f} s{missed}"


def live_report(results: list[LiveResult], command: str) -> str:
    lines = [
        "| Releases | Server | First build | Save → page served (median / max) "
        "| Save → browser shows it (median / max) | Rebuild, MkDocs' figure (median) "
        "| /press/ and feed updated | Served pages and feeds unlike a full build |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        for mode in result.modes:
            count = len(mode.edits)
            builds = mode.seconds("build_seconds")
            fresh = sum(edit.listing_shows and edit.feed_shows for edit in mode.edits)
            if mode.differing is None:
                stale = "–"
            else:
                shown = ", ".join("/" + url for url in mode.differing[:6])
                shown += " …" if len(mode.differing) > 6 else ""
                stale = f"{len(mode.differing)} of {mode.compared}" + (
                    f": {shown}" if shown else "")
            lines.append(
                f"| {result.releases:,} | `mkdocs {mode.name}` | {_secs(mode.first_build_seconds)} "
                f"| {_spread(mode.seconds('page_seconds'), count)} "
                f"| {_spread(mode.seconds('browser_seconds'), count)} "
                f"| {f'{statistics.median(builds):.2f} s' if builds else '–'} "
                f"| {fresh} of {count} | {stale} |"
            )
    lines += [
        "",
        "Each edit rewrites the newest release's headline and first paragraph with a new "
        "marker; the clock starts at the write. Page served: urllib polls the release page "
        f"every {POLL * 1000:.0f} ms (MkDocs holds requests while it rebuilds). Browser: "
        "headless Chromium (Playwright) has the page open before the write and is never "
        "touched; MkDocs' livereload script reloads it. The served pages and feeds of "
        "`--dirty` after its edits are compared with those of plain `serve`'s first, full "
        "build of the same sources.",
    ]
    for result in results:
        lines.append(f"Load average (1, 5, 15 min) at {result.releases:,} releases: before "
                     f"{_load(result.load_before)}, after {_load(result.load_after)}.")
    lines.append(f"Command: `{command}`")
    return "\n".join(lines)


def _load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)



# --- Reporting -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    memory = first("/proc/meminfo", "MemTotal")
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue
    return {
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu_model": first("/proc/cpuinfo", "model name"),
        "memory": f"{int(memory.split()[0]) / 1024**2:.1f} GiB" if memory[0].isdigit() else memory,
        "system": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
    }


def _ratio(value: float) -> str:
    return f"{value:.2f}×"


def report(results: list[Result], about: dict[str, Any], command: str) -> str:
    lines = [
        "| Releases | Build | Wall time (median) | Peak memory | Output | Files "
        "| One release page, gzipped |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for label, variant in (("Pressroom", result.pressroom), ("plain MkDocs", result.plain)):
            transfer = variant.transfer.gzip_bytes if variant.transfer else 0
            lines.append(
                f"| {result.releases:,} | {label} | {variant.seconds:.1f} s "
                f"| {variant.peak_rss / 1e6:.0f} MB | {variant.output_bytes / 1e6:.1f} MB "
                f"| {variant.files:,} | {transfer / 1e3:,.1f} kB |"
            )
        ratios = result.ratios()
        a, b = result.pressroom.transfer, result.plain.transfer
        lines.append(
            f"| {result.releases:,} | **Pressroom ÷ plain** | **{_ratio(ratios['seconds'])}** "
            f"| **{_ratio(ratios['peak_rss'])}** | {_ratio(ratios['output_bytes'])} "
            f"| {_ratio(ratios['files'])} "
            f"| {_ratio(a.gzip_bytes / b.gzip_bytes) if a and b else '–'} |"
        )
    if len(results) > 1:
        lines += ["", "| Scaling | Pressroom time | Pressroom output | plain time | plain output |",
                  "|---|---:|---:|---:|---:|"]
        for small, large in itertools.pairwise(results):
            lines.append(
                f"| {large.releases:,} ÷ {small.releases:,} (linear: "
                f"{large.releases / small.releases:.1f}×) "
                f"| {_ratio(large.pressroom.seconds / small.pressroom.seconds)} "
                f"| {_ratio(large.pressroom.output_bytes / small.pressroom.output_bytes)} "
                f"| {_ratio(large.plain.seconds / small.plain.seconds)} "
                f"| {_ratio(large.plain.output_bytes / small.plain.output_bytes)} |"
            )
    lines += search_lines(results)
    largest = results[-1]
    for label, variant in (("Pressroom", largest.pressroom), ("plain MkDocs", largest.plain)):
        transfer = variant.transfer
        if transfer is None:
            continue
        lines += ["", f"{label}, {largest.releases:,} releases: loading {transfer.page} fetches "
                  f"{transfer.gzip_bytes / 1e3:,.1f} kB gzipped:"]
        page_bytes = transfer.gzip_bytes - sum(asset.gzip_bytes for asset in transfer.assets)
        lines.append(f"- the page itself (HTML): {page_bytes / 1e3:,.1f} kB")
        for asset in transfer.assets:
            lines.append(f"- {asset.url} ({asset.reason}): {asset.gzip_bytes / 1e3:,.1f} kB "
                         f"({asset.bytes / 1e3:,.1f} kB uncompressed)")
        for url in transfer.external:
            lines.append(f"- third-party request: {url}")
    lines += [
        "",
        _machine_line(about),
        "Plain MkDocs: the same release pages as ordinary pages under docs/press/<year>/, the "
        "shipped theme, overrides and Markdown extensions, no Pressroom, releases not in the "
        "nav. Plugins: Pressroom build "
        f"{', '.join(largest.plugins['pressroom']) or 'none'}; plain build "
        f"{', '.join(largest.plugins['plain']) or 'none'}.",
        MEASURED + " kB = 10³ bytes; gzip level 6; a page's assets count once each.",
        f"Command: `{command}`",
    ]
    return "\n".join(lines)


def search_lines(results: list[Result]) -> list[str]:
    rows = [result for result in results if result.pressroom.search_seconds is not None]
    if not rows:
        return []
    lines = ["", "| Releases | Search index: time | Pagefind's peak memory | First query "
             "(from opening the Search page) | Second query |", "|---:|---:|---:|---:|---:|"]
    for result in rows:
        variant, cost = result.pressroom, result.pressroom.search
        peak = variant.search_peak_rss or 0
        first = second = "–"
        if cost is not None:
            first = (f"{cost.first_bytes / 1e3:,.0f} kB (\"{cost.first_query}\", "
                     f"{cost.first_results} shown)")
            second = (f"{cost.second_bytes / 1e3:,.0f} kB (\"{cost.second_query}\", "
                      f"{cost.second_results} shown)")
        lines.append(f"| {result.releases:,} | {variant.search_seconds:.1f} s "
                     f"| {peak / 1e6:.0f} MB | {first} | {second} |")
    lines.append("Search: Pagefind indexes in its own process while MkDocs writes the pages; "
                 "its time runs from the start of indexing until the index is written. Bytes: "
                 "every response in Chromium, body as sent (gzipped by the test host, as "
                 "GitHub Pages does) plus headers, until the results are shown.")
    return lines


MEASURED = (
    "Wall time: a clean `mkdocs build` in a fresh interpreter, start-up included; median "
    "of the alternated rounds. CPU time: the build's user and system time, which other work "
    "on a shared machine disturbs less. Peak memory: the largest of the build process's maximum "
    "resident set (wait4) and the sampled sum over the build and any child processes. "
    "MB = 10⁶ bytes."
)


def _machine_line(about: dict[str, Any]) -> str:
    packages = ", ".join(f"{name} {version}" for name, version in about["packages"].items())
    return (f"Machine: {about['cpus']} CPUs ({about['cpu_model']}), {about['memory']} RAM, "
            f"{about['system']}; Python {about['python']}; {packages}.")


def bilingual_report(results: list[BilingualResult], about: dict[str, Any],
                     command: str) -> str:
    lines = [
        "| Releases | Build | Wall time (median) | CPU time | Peak memory | Output | Files |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        count = f"{result.releases:,}"
        for label, releases, variant in (
            ("English", count, result.english),
            ("English and Spanish", f"{count} + {count}", result.bilingual),
        ):
            lines.append(
                f"| {releases} | {label} | {variant.seconds:.1f} s "
                f"| {variant.cpu_seconds:.1f} s | {variant.peak_rss / 1e6:.0f} MB "
                f"| {variant.output_bytes / 1e6:.1f} MB | {variant.files:,} |"
            )
        ratio = result.ratios()
        lines.append(
            f"| {count} + {count} | **English and Spanish ÷ English** "
            f"| **{_ratio(ratio['seconds'])}** | {_ratio(ratio['cpu_seconds'])} "
            f"| **{_ratio(ratio['peak_rss'])}** "
            f"| {_ratio(ratio['output_bytes'])} | {_ratio(ratio['files'])} |"
        )
    lines.append("")
    for result in results:
        wall, cpu = (", ".join(_ratio(value) for value in result.round_ratios(measure))
                     for measure in ("seconds", "cpu_seconds"))
        lines.append(f"Round by round, {result.releases:,} releases: wall time {wall}; "
                     f"CPU time {cpu}.")
    lines += [
        "",
        _machine_line(about),
        "English: the synthetic newsroom with the shipped mkdocs.yml set to `languages: [en]`. "
        "English and Spanish: the same, set to `languages: [en, es]`, with a Spanish "
        "translation of every release (`<stem>.es.md`: title, subtitle, summary, dateline and "
        "a body 15% longer, in a Spanish vocabulary of its own) and Spanish pages for every "
        "partner, campaign, the home page and the about page.",
        MEASURED,
        f"Command: `{command}`",
    ]
    return "\n".join(lines)


def _to_json(results: list[Result] | list[BilingualResult], about: dict[str, Any],
             command: str) -> dict[str, Any]:
    rows = []
    for result in results:
        row = asdict(result)
        for name, variant in vars(result).items():
            if isinstance(variant, Variant):
                row[name].update(median_seconds=variant.seconds,
                                 median_peak_rss=variant.peak_rss)
        row["ratios"] = result.ratios()
        rows.append(row)
    return {"command": command, "machine": about, "results": rows}


def run_builds(arguments: argparse.Namespace, sizes: list[int], workdir: Path,
               command: str) -> None:
    about = machine()
    if arguments.bilingual:
        bilingual = [bench_bilingual(size, arguments.repeat, workdir) for size in sorted(sizes)]
        results: list[Result] | list[BilingualResult] = bilingual
        shown = bilingual_report(bilingual, about, command)
        profiled = workdir / f"{max(sizes)}-bilingual" / "bilingual"
    else:
        plain_search = arguments.plain_search == "material"
        compared = [bench(size, arguments.repeat, workdir, plain_search)
                    for size in sorted(sizes)]
        results, shown = compared, report(compared, about, command)
        profiled = workdir / str(max(sizes)) / "pressroom"
    print()
    print(shown)
    if arguments.json:
        payload = _to_json(results, about, command)
        arguments.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if arguments.profile:
        print()
        print(f"cProfile of one {profiled.name} build, {max(sizes):,} releases "
              f"({arguments.profile}): the pressroom package by cumulative time")
        print(profile_build(profiled, arguments.profile.resolve()))


def run_live(arguments: argparse.Namespace, sizes: list[int], workdir: Path,
             command: str) -> None:
    results = [live_bench(size, arguments.edits, workdir, use_browser=not arguments.no_browser)
               for size in sorted(sizes)]
    print()
    print(live_report(results, command))
    if arguments.json:
        payload = {"command": command, "machine": machine(),
                   "live": [asdict(result) for result in results]}
        arguments.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=1000, help="releases to generate")
    parser.add_argument("--sizes", help="several sizes in one run, e.g. 100,1000,3000")
    parser.add_argument("--repeat", "--rounds", type=int, default=3,
                        help="builds of each variant")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--workdir", type=Path,
                        help="generate and build here and keep it (default: a temporary folder)")
    parser.add_argument("--plain-search", choices=("material", "none"), default="material",
                        help="search in the plain build when the shipped site has no Material "
                             "search plugin (default: material, MkDocs' default)")
    parser.add_argument("--profile", type=Path,
                        help="after measuring, profile one Pressroom build of the largest size "
                             "with cProfile into this file and print the package's top entries")
    parser.add_argument("--bilingual", action="store_true",
                        help="instead of the comparison with plain MkDocs, compare the English "
                             "build with the same releases in English and Spanish")
    parser.add_argument("--live", action="store_true",
                        help="instead of the build comparison, time how long a saved release "
                             "takes to show under `mkdocs serve` and `mkdocs serve --dirty`")
    parser.add_argument("--edits", type=int, default=5, help="with --live: edits per server")
    parser.add_argument("--no-browser", action="store_true",
                        help="with --live: time the served page only, without Chromium")
    arguments = parser.parse_args(argv)
    sizes = ([int(size) for size in arguments.sizes.split(",")] if arguments.sizes
             else [arguments.releases])
    command = "python scripts/bench.py " + " ".join(sys.argv[1:] if argv is None else argv)
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="pressroom-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        if arguments.live:
            run_live(arguments, sizes, workdir.resolve(), command.strip())
        else:
            run_builds(arguments, sizes, workdir.resolve(), command.strip())
    finally:
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nBenchmark ran in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
