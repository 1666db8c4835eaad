"""Gazetteer and toponym resolution: figures' places → names, coordinates,
OCHA admin units and a UCDP-style precision code."""
from wartally.geo.boundaries import boundaries_geojson
from wartally.geo.finder import by_spelling_only, find_places, is_place, measured_from
from wartally.geo.geocoder import geocode_figures, has_seat, main_area
from wartally.geo.resolver import resolve

__all__ = ["boundaries_geojson", "by_spelling_only", "find_places", "geocode_figures", "has_seat", "is_place", "main_area", "measured_from", "resolve"]
