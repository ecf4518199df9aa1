"""What a form says beside a field it refuses, in French and English: a person's details
and address, an order's slot, description and duration, a rating, an amount. Most come
from `bounded_text` (kiosk_app/domain/validation.py): FIELD.required, .too_long and
.invalid_characters."""

from __future__ import annotations

FIELD_MESSAGES: dict[str, tuple[str, str]] = {
    "name.required": ("Indiquez votre nom.", "Please enter your name."),
    "name.too_long": (
        "Ce nom est trop long ({max} caractères au plus).",
        "This name is too long (at most {max} characters).",
    ),
    "name.invalid_characters": (
        "Un nom ne contient que des lettres, espaces, tirets et apostrophes.",
        "A name may only contain letters, spaces, hyphens and apostrophes.",
    ),
    "phone.required": ("Indiquez votre numéro de téléphone.", "Please enter your phone number."),
    "phone.invalid": (
        "Ce numéro n’est pas valide (exemple : 06 12 34 56 78).",
        "This number is not valid (example: 06 12 34 56 78).",
    ),
    "phone.taken": (
        "Un autre client a déjà ce numéro.",
        "Another client already has this number.",
    ),
    "lang.invalid": ("Choisissez le français ou l’anglais.", "Choose French or English."),
    "email.invalid": ("Cette adresse e-mail n’est pas valide.", "This email address is not valid."),
    "email.too_long": ("Cette adresse e-mail est trop longue.", "This email address is too long."),
    "postcode.invalid": (
        "Code postal à 5 chiffres (exemple : 75004).",
        "A 5-digit postcode (example: 75004).",
    ),
    "street.required": ("Indiquez la rue et le numéro.", "Please enter the street and number."),
    "street.too_long": (
        "Adresse trop longue ({max} caractères au plus).",
        "Address too long (at most {max} characters).",
    ),
    "street.invalid_characters": (
        "Cette adresse contient des caractères invalides.",
        "This address contains invalid characters.",
    ),
    "city.required": ("Indiquez la ville.", "Please enter the city."),
    "city.too_long": ("Nom de ville trop long.", "City name too long."),
    "city.invalid_characters": (
        "Ce nom de ville contient des caractères invalides.",
        "This city name contains invalid characters.",
    ),
    "building.required": ("Indiquez le bâtiment.", "Please enter the building."),
    "building.too_long": (
        "Bâtiment : {max} caractères au plus.",
        "Building: at most {max} characters.",
    ),
    "building.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "floor.out_of_range": ("Étage entre {min} et {max}.", "Floor between {min} and {max}."),
    "access_notes.required": ("Indiquez comment accéder au logement.", "Please say how to get in."),
    "access_notes.too_long": (
        "Indications trop longues ({max} caractères au plus).",
        "Directions too long (at most {max} characters).",
    ),
    "access_notes.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "description.required": (
        "Décrivez votre besoin en quelques mots.",
        "Describe what you need in a few words.",
    ),
    "description.too_long": (
        "Description trop longue ({max} caractères au plus).",
        "Description too long (at most {max} characters).",
    ),
    "description.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "comment.required": ("Écrivez un commentaire.", "Please write a comment."),
    "comment.too_long": (
        "Commentaire trop long ({max} caractères au plus).",
        "Comment too long (at most {max} characters).",
    ),
    "comment.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "reason.required": (
        "Indiquez le motif de l’annulation.",
        "Please give the reason for cancelling.",
    ),
    "reason.too_long": (
        "Motif trop long ({max} caractères au plus).",
        "Reason too long (at most {max} characters).",
    ),
    "reason.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "availability.required": ("Indiquez vos disponibilités.", "Please say when you are available."),
    "availability.too_long": (
        "Texte trop long ({max} caractères au plus).",
        "Text too long (at most {max} characters).",
    ),
    "availability.invalid_characters": (
        "Ce texte contient des caractères invalides.",
        "This text contains invalid characters.",
    ),
    "slot.invalid": ("Choisissez un créneau.", "Please choose a time slot."),
    "slot.in_past": ("Ce créneau est déjà passé.", "This time slot has already passed."),
    "slot.too_far": (
        "Choisissez un créneau dans les {days} prochains jours.",
        "Choose a slot within the next {days} days.",
    ),
    "units.out_of_range": (
        "Durée entre {min} et {max} unités.",
        "Duration between {min} and {max} units.",
    ),
    "service.unavailable": (
        "Cette prestation n’est plus proposée.",
        "This service is no longer offered.",
    ),
    "consent.required": (
        "Pour traiter votre demande, nous avons besoin de votre accord.",
        "We need your agreement to handle your request.",
    ),
    "order_number.invalid": (
        "Numéro de commande à chiffres (exemple : 01-0042).",
        "An order number in digits (example: 01-0042).",
    ),
    "stars.out_of_range": ("Choisissez de 1 à 5 étoiles.", "Choose from 1 to 5 stars."),
    "lulu.required": ("Choisissez un Lulu.", "Please choose a Lulu."),
    "note.required": ("Écrivez ce qui a été fait.", "Write what was done."),
    "note.too_long": ("{max} caractères au plus.", "{max} characters at most."),
    "note.invalid_characters": (
        "Ce texte contient un caractère invisible : retapez-le.",
        "This text holds an invisible character: type it again.",
    ),
    "actual_minutes.out_of_range": (
        "Durée réelle entre 1 et {max} minutes.",
        "Actual time between 1 and {max} minutes.",
    ),
    "amount.out_of_range": ("Montant invalide.", "Invalid amount."),
}
